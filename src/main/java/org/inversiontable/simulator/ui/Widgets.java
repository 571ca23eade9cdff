package org.inversiontable.simulator.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import javax.swing.JButton;
import javax.swing.JComponent;

/** The few painted widgets of the window: a lamp, a bar, a flat button and the e-stop mushroom. */
final class Widgets {
    private Widgets() {
    }

    static Graphics2D smooth(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /** A round lamp with its name: lit in its colour, dark grey when off. */
    static final class Lamp extends JComponent {
        private final String name;
        private final Color lit;
        private boolean on;

        Lamp(String name, Color lit) {
            this.name = name;
            this.lit = lit;
            setPreferredSize(new Dimension(96, 30));
            setMinimumSize(getPreferredSize());
        }

        void setOn(boolean on) {
            if (this.on != on) {
                this.on = on;
                repaint();
            }
        }

        boolean isOn() {
            return on;
        }

        @Override
        protected void paintComponent(Graphics g0) {
            Graphics2D g = smooth(g0);
            int d = 20;
            int y = (getHeight() - d) / 2;
            if (on) {
                g.setColor(new Color(lit.getRed(), lit.getGreen(), lit.getBlue(), 90));
                g.fill(new Ellipse2D.Double(0, y - 4, d + 8, d + 8));
            }
            g.setColor(on ? lit : Palette.LAMP_OFF);
            g.fill(new Ellipse2D.Double(4, y, d, d));
            g.setColor(Palette.TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(name + (on ? " on" : " off"), d + 12, y + 15);
            g.dispose();
        }
    }

    /** A horizontal bar for the part of the inverted-time budget left. */
    static final class Bar extends JComponent {
        private double fraction = 1.0;
        private Color colour = Palette.OK;

        Bar() {
            setPreferredSize(new Dimension(300, 16));
            setMinimumSize(new Dimension(100, 16));
        }

        void show(double fraction, Color colour) {
            this.fraction = Math.max(0, Math.min(1, fraction));
            this.colour = colour;
            repaint();
        }

        double fraction() {
            return fraction;
        }

        @Override
        protected void paintComponent(Graphics g0) {
            Graphics2D g = smooth(g0);
            int w = getWidth() - 1;
            int h = getHeight() - 1;
            g.setColor(Palette.GRID);
            g.fill(new RoundRectangle2D.Double(0, 0, w, h, 8, 8));
            g.setColor(colour);
            if (fraction > 0) {
                g.fill(new RoundRectangle2D.Double(0, 0, Math.max(h / 2.0, w * fraction), h, 8, 8));
            }
            g.dispose();
        }
    }

    /** A flat rounded button that shows when it is held down. */
    static class FlatButton extends JButton {
        private final Color base;

        FlatButton(String text, Color base, int fontSize) {
            super(text);
            this.base = base;
            setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
            setForeground(Color.WHITE);
            setContentAreaFilled(false);
            setBorderPainted(false);
            setFocusPainted(false);
            setFocusable(false); // the window's keys stay the hand controller's, never a button's SPACE
        }

        @Override
        protected void paintComponent(Graphics g0) {
            Graphics2D g = smooth(g0);
            boolean down = getModel().isPressed() || getModel().isSelected();
            g.setColor(down ? base.darker().darker() : getModel().isRollover() ? base.brighter() : base);
            g.fill(new RoundRectangle2D.Double(1, 1, getWidth() - 2, getHeight() - 2, 14, 14));
            g.setColor(getForeground());
            g.setFont(getFont());
            String text = getText();
            int tw = g.getFontMetrics().stringWidth(text);
            g.drawString(text, (getWidth() - tw) / 2, getHeight() / 2 + g.getFontMetrics().getAscent() / 2 - 2);
            g.dispose();
        }
    }

    /** The big red mushroom on a yellow plate; latched, it says so and how to release it. */
    static final class EstopButton extends JButton {
        private boolean pressed;

        EstopButton() {
            super(PanelView.ESTOP_RELEASED_TEXT);
            setContentAreaFilled(false);
            setBorderPainted(false);
            setFocusPainted(false);
            setFocusable(false);
            setPreferredSize(new Dimension(340, 120));
        }

        void setLatched(boolean latched, String text) {
            if (pressed != latched || !getText().equals(text)) {
                pressed = latched;
                setText(text);
                repaint();
            }
        }

        boolean latched() {
            return pressed;
        }

        @Override
        protected void paintComponent(Graphics g0) {
            Graphics2D g = smooth(g0);
            int w = getWidth();
            int h = getHeight();
            g.setColor(pressed ? new Color(0xFFCDD2) : new Color(0xFFF3C4));
            g.fill(new RoundRectangle2D.Double(1, 1, w - 2, h - 2, 18, 18));
            g.setColor(new Color(0xF9C80E));
            g.setStroke(new BasicStroke(4f));
            g.draw(new RoundRectangle2D.Double(3, 3, w - 6, h - 6, 16, 16));
            int d = h - 24;
            int x = 16;
            int y = 12;
            g.setColor(new Color(0xF9C80E));
            g.fill(new Ellipse2D.Double(x - 6, y - 6, d + 12, d + 12));
            g.setColor(pressed ? new Color(0x8E0000) : Palette.DANGER);
            g.fill(new Ellipse2D.Double(x, y, d, d));
            g.setColor(new Color(255, 255, 255, pressed ? 30 : 80));
            g.fill(new Ellipse2D.Double(x + d * 0.2, y + d * 0.12, d * 0.45, d * 0.3));
            g.setColor(Palette.DANGER);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
            int tx = x + d + 18;
            g.drawString("E-STOP", tx, h / 2 - (pressed ? 6 : -8));
            if (pressed) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                g.setColor(new Color(0x8E0000));
                g.drawString(PanelView.ESTOP_PRESSED_TEXT, tx, h / 2 + 18);
            } else {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.setColor(Palette.INFO);
                g.drawString("click or E: cuts motor power, latches", tx, h / 2 + 28);
            }
            g.dispose();
        }
    }
}

package org.inversiontable.simulator.ui;

import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import javax.swing.JComponent;

/**
 * The angle over the last minute: true (blue) and measured (orange, with gaps where there was no
 * sample) on the whole mechanical range, so that the scale never jumps, and the angle limit as a
 * red dashed line.
 */
final class AngleChart extends JComponent {
    private static final double MIN_DEG = -70;
    private static final double MAX_DEG = 90;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 22;

    private final AngleHistory history;
    private double limitDeg = 30;

    AngleChart(AngleHistory history) {
        this.history = history;
        setPreferredSize(new Dimension(560, 210));
        setOpaque(false);
    }

    void setLimit(double limitAngleDeg) {
        limitDeg = limitAngleDeg;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int w = getWidth() - LEFT - RIGHT;
        int h = getHeight() - TOP - BOTTOM;
        double now = history.latestS();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int a = -60; a <= 90; a += 30) {
            int y = y(a, h);
            g.setColor(a == 0 ? Palette.MUTED : Palette.GRID);
            g.setStroke(new BasicStroke(a == 0 ? 1.5f : 1f));
            g.drawLine(LEFT, y, LEFT + w, y);
            g.setColor(Palette.INFO);
            String label = (a > 0 ? "+" : "") + a + "\u00b0";
            g.drawString(label, LEFT - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        for (int s = 0; s <= 60; s += 15) {
            int x = LEFT + (int) Math.round(w * (60 - s) / 60.0);
            g.setColor(Palette.GRID);
            g.drawLine(x, TOP, x, TOP + h);
            g.setColor(Palette.INFO);
            String label = s == 0 ? "now" : "-" + s + " s";
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + h + 15);
        }
        g.setColor(Palette.LIMIT);
        g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
        int ly = y(limitDeg, h);
        g.draw(new Line2D.Double(LEFT, ly, LEFT + w, ly));
        g.setClip(LEFT, TOP - 2, w + 1, h + 4);
        g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Palette.TRUE_ANGLE);
        g.draw(path(false, now, w, h));
        g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Palette.MEASURED_ANGLE);
        g.draw(path(true, now, w, h)); // on top: it is the thinner line and the one the controller acts on
        g.setClip(null);
        paintLegend(g, w);
        g.dispose();
    }

    private void paintLegend(Graphics2D g, int w) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int x = LEFT + w;
        String[] names = {"limit", "measured", "true"};
        java.awt.Color[] colours = {Palette.LIMIT, Palette.MEASURED_ANGLE, Palette.TRUE_ANGLE};
        for (int i = 0; i < names.length; i++) {
            x -= g.getFontMetrics().stringWidth(names[i]);
            g.setColor(Palette.TEXT);
            g.drawString(names[i], x, TOP - 8);
            x -= 22;
            g.setColor(colours[i]);
            g.setStroke(new BasicStroke(3f));
            g.drawLine(x, TOP - 12, x + 16, TOP - 12);
            x -= 14;
        }
    }

    private Path2D path(boolean measured, double now, int w, int h) {
        Path2D.Double p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < history.size(); i++) {
            double v = measured ? history.measDeg(i) : history.trueDeg(i);
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            double x = LEFT + w * (1.0 - (now - history.timeS(i)) / AngleHistory.WINDOW_S);
            double y = y(v, h);
            if (pen) {
                p.lineTo(x, y);
            } else {
                p.moveTo(x, y);
                pen = true;
            }
        }
        return p;
    }

    private static int y(double deg, int h) {
        return TOP + (int) Math.round(h * (MAX_DEG - deg) / (MAX_DEG - MIN_DEG));
    }
}

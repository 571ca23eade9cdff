package org.inversiontable.simulator.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import javax.swing.JComponent;

/**
 * The table and the person in a side view at the TRUE angle, with a gauge around the pivot that
 * marks the measured angle and paints the angles beyond the limit red. Geometry comes from
 * {@link TablePose}; this class only draws.
 */
final class TableView extends JComponent {
    private static final Color FRAME = new Color(0x455A64);
    private static final Color BED = new Color(0x263238);
    private static final Color SKIN = new Color(0xE0A878);
    private static final Color SHIRT = new Color(0x00897B);
    private static final Color TROUSERS = new Color(0x5C6BC0);
    /** The gauge's radius, just outside the ankle holder so that the feet point at the reading. */
    private static final double GAUGE_M = 1.12;
    private static final double MIN_DEG = -70;
    private static final double MAX_DEG = 90;

    private double trueDeg = -65;
    private double measDeg = Double.NaN;
    private double limitDeg = 30;

    TableView() {
        setPreferredSize(new Dimension(560, 400));
        setOpaque(false);
    }

    void show(double angleTrueDeg, double angleMeasDeg, double limitAngleDeg) {
        trueDeg = angleTrueDeg;
        measDeg = angleMeasDeg;
        limitDeg = limitAngleDeg;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // World box: x -1.25..1.5 m (the gauge's labels on the right), y floor-0.05..1.42 m.
        double top = GAUGE_M + 0.3;
        double scale = Math.min(getWidth() / 2.75, getHeight() / (top + TablePose.PIVOT_HEIGHT_M + 0.06));
        double cx = getWidth() / 2.0 - 0.12 * scale;
        double cy = top * scale;
        Px px = new Px(cx, cy, scale);

        paintFloorAndFrame(g, px);
        paintGauge(g, px);
        TablePose pose = TablePose.at(trueDeg);
        paintBed(g, px, pose);
        paintPerson(g, px, pose);
        paintReadout(g);
        g.dispose();
    }

    /** World metres (y up, pivot at 0,0) to pixels. */
    private record Px(double cx, double cy, double scale) {
        double x(TablePose.Point p) {
            return cx + p.x() * scale;
        }

        double y(TablePose.Point p) {
            return cy - p.y() * scale;
        }

        Line2D line(TablePose.Point a, TablePose.Point b) {
            return new Line2D.Double(x(a), y(a), x(b), y(b));
        }

        float w(double metres) {
            return (float) Math.max(1.0, metres * scale);
        }
    }

    private void paintFloorAndFrame(Graphics2D g, Px px) {
        double floor = TablePose.floorY();
        TablePose.Point left = new TablePose.Point(-1.2, floor);
        TablePose.Point right = new TablePose.Point(1.2, floor);
        g.setColor(Palette.GRID);
        g.setStroke(new BasicStroke(3f));
        g.draw(px.line(left, right));
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(px.w(0.045), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        TablePose.Point pivot = new TablePose.Point(0, 0);
        TablePose.Point footA = new TablePose.Point(-0.6, floor);
        TablePose.Point footB = new TablePose.Point(0.6, floor);
        g.draw(px.line(pivot, footA));
        g.draw(px.line(pivot, footB));
        g.draw(px.line(new TablePose.Point(-0.33, floor * 0.55), new TablePose.Point(0.33, floor * 0.55)));
    }

    private void paintGauge(Graphics2D g, Px px) {
        double r = GAUGE_M * px.scale();
        Arc2D.Double all = new Arc2D.Double(px.cx() - r, px.cy() - r, 2 * r, 2 * r, MIN_DEG, MAX_DEG - MIN_DEG, Arc2D.OPEN);
        g.setColor(Palette.GRID);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(all);
        double lim = Math.max(MIN_DEG, Math.min(MAX_DEG, limitDeg));
        g.setColor(new Color(Palette.LIMIT.getRed(), Palette.LIMIT.getGreen(), Palette.LIMIT.getBlue(), 160));
        g.draw(new Arc2D.Double(px.cx() - r, px.cy() - r, 2 * r, 2 * r, lim, MAX_DEG - lim, Arc2D.OPEN));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int a = -30; a <= 90; a += 30) { // -60 would sit on the frame's leg
            TablePose.Point in = polar(a, GAUGE_M - 0.04);
            TablePose.Point out = polar(a, GAUGE_M + 0.04);
            g.setColor(Palette.MUTED);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(px.line(in, out));
            TablePose.Point label = polar(a, GAUGE_M + 0.2);
            String text = (a > 0 ? "+" : "") + a + "\u00b0";
            int tw = g.getFontMetrics().stringWidth(text);
            g.drawString(text, (float) (px.x(label) - tw / 2.0), (float) (px.y(label) + 4));
        }
        // The limit: a red tick and its value.
        g.setColor(Palette.LIMIT);
        g.setStroke(new BasicStroke(2.5f));
        g.draw(px.line(polar(lim, GAUGE_M - 0.09), polar(lim, GAUGE_M + 0.07)));
        // The measured angle: an orange pointer on the gauge (missing when there is no sample).
        if (!Double.isNaN(measDeg)) {
            double m = Math.max(MIN_DEG - 5, Math.min(MAX_DEG + 5, measDeg));
            TablePose.Point tip = polar(m, GAUGE_M - 0.02);
            TablePose.Point b1 = polar(m - 3.5, GAUGE_M - 0.13);
            TablePose.Point b2 = polar(m + 3.5, GAUGE_M - 0.13);
            Path2D.Double tri = new Path2D.Double();
            tri.moveTo(px.x(tip), px.y(tip));
            tri.lineTo(px.x(b1), px.y(b1));
            tri.lineTo(px.x(b2), px.y(b2));
            tri.closePath();
            g.setColor(Palette.MEASURED_ANGLE);
            g.fill(tri);
        }
    }

    private static TablePose.Point polar(double deg, double r) {
        double a = Math.toRadians(deg);
        return new TablePose.Point(r * Math.cos(a), r * Math.sin(a));
    }

    private void paintBed(Graphics2D g, Px px, TablePose pose) {
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(px.w(0.03), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(px.line(pose.pivot(), pose.onBed(-0.18, 0)));
        g.draw(px.line(pose.pivot(), pose.onBed(0.18, 0)));
        g.setColor(BED);
        g.setStroke(new BasicStroke(px.w(0.05), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(px.line(pose.headEnd(), pose.footEnd()));
        // The ankle holder: two rollers at the foot end.
        double rr = 0.035 * px.scale();
        for (double h : new double[] {0.035, 0.13}) {
            TablePose.Point c = pose.onBed(TablePose.FOOT_END_M - 0.06, h);
            g.setColor(Palette.WARNING);
            g.fill(new Ellipse2D.Double(px.x(c) - rr, px.y(c) - rr, 2 * rr, 2 * rr));
        }
        g.setColor(FRAME);
        g.fill(new Ellipse2D.Double(px.cx() - 7, px.cy() - 7, 14, 14));
    }

    private void paintPerson(Graphics2D g, Px px, TablePose pose) {
        g.setStroke(new BasicStroke(px.w(0.075), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(TROUSERS);
        g.draw(px.line(pose.ankle(), pose.knee()));
        g.draw(px.line(pose.knee(), pose.hip()));
        g.setColor(SHIRT);
        g.setStroke(new BasicStroke(px.w(0.12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(px.line(pose.hip(), pose.shoulder()));
        g.setStroke(new BasicStroke(px.w(0.045), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(SHIRT.darker());
        g.draw(px.line(pose.shoulder(), pose.hand()));
        double r = TablePose.HEAD_RADIUS_M * px.scale();
        TablePose.Point head = pose.headCentre();
        g.setColor(SKIN);
        g.fill(new Ellipse2D.Double(px.x(head) - r, px.y(head) - r, 2 * r, 2 * r));
        g.setColor(SKIN.darker());
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Ellipse2D.Double(px.x(head) - r, px.y(head) - r, 2 * r, 2 * r));
    }

    private void paintReadout(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.setColor(Palette.TRUE_ANGLE);
        g.drawString("true " + PanelView.degrees(trueDeg), 12, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(Palette.MEASURED_ANGLE);
        g.drawString("\u25B2 measured " + (Double.isNaN(measDeg) ? "no sample" : PanelView.degrees(measDeg)), 12, 52);
        g.setColor(Palette.LIMIT);
        g.drawString("\u2501 limit " + PanelView.degrees(limitDeg), 12, 72);
        g.setColor(Palette.INFO);
        g.drawString(trueDeg > 0 ? "head down (inverted)" : "head up", 12, 92);
    }
}

package org.inversiontable.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.inversiontable.control.TableState;

/**
 * Draws the picture from the folded rows: a title that answers "how far, how long", then three
 * panels on one time axis (angle with the state bands, duty with the H-bridge's enable, inverted
 * time), the input lanes of the HOME switch and the e-stop, and the event markers across all.
 * Every line is named beside its end, so the reader needs no legend.
 */
final class PlotPicture {
    static final int WIDTH_PX = 1200;
    static final int HEIGHT_PX = 800;
    static final int LEFT_PX = 100;
    static final int PLOT_WIDTH_PX = 950;
    static final int RIGHT_PX = LEFT_PX + PLOT_WIDTH_PX;

    static final String TRUE_COLOUR = "#1d4ed8";
    static final String MEAS_COLOUR = "#f97316";
    static final String LIMIT_COLOUR = "#dc2626";
    static final String DUTY_COLOUR = "#6d28d9";
    static final String INVERTED_COLOUR = "#0f766e";
    static final String ENABLED_COLOUR = "#bbf7d0";
    static final String HOME_COLOUR = "#16a34a";
    static final String EVENT_COLOUR = "#4b5563";
    private static final String GRID = "stroke=\"#e5e7eb\" stroke-width=\"1\"";
    private static final String MUTED = "#6b7280";
    private static final String HALO = "paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\"";

    private static final int EVENT_ROWS = 3;
    private static final double EVENT_ROW0_Y = 92;
    private static final double EVENT_ROW_STEP = 13;
    private static final double ANGLE_TOP = 100;
    private static final double ANGLE_BOTTOM = 405;
    private static final double HOME_LANE_Y = 412;
    private static final double ESTOP_LANE_Y = 423;
    private static final double LANE_H = 8;
    private static final double DUTY_TOP = 452;
    private static final double DUTY_BOTTOM = 556;
    private static final double INVERTED_TOP = 584;
    private static final double INVERTED_BOTTOM = 720;

    private final String name;
    private final StateNames states;
    private final long rows;
    private final double firstT;
    private final double lastT;
    private final double durationS;
    private final List<PlotColumns.Column> columns;
    private final TimeBucket all = new TimeBucket();
    private final Svg svg = new Svg();

    PlotPicture(String name, StateNames states, TimeBuckets buckets, long rows, double firstT, double lastT) {
        this.name = name;
        this.states = states;
        this.rows = rows;
        this.firstT = firstT;
        this.lastT = lastT;
        this.durationS = rows == 0 || lastT <= firstT ? 1 : lastT - firstT;
        double pauseS = Math.max(1.0, 3 * durationS / PLOT_WIDTH_PX);
        this.columns = rows == 0 ? List.of() : PlotColumns.of(buckets, durationS, PLOT_WIDTH_PX, pauseS);
        for (PlotColumns.Column c : columns) {
            all.merge(c.rows());
        }
    }

    String svg() {
        svg.open(WIDTH_PX, HEIGHT_PX).rect(0, 0, WIDTH_PX, HEIGHT_PX, "fill=\"#ffffff\"");
        if (rows == 0) {
            svg.text(LEFT_PX, 30, name + ": the trace has no rows", "font-size=\"16\" font-weight=\"bold\"");
            return svg.close().toString();
        }
        Panel angle = anglePanel();
        Panel duty = new Panel("duty", DUTY_TOP, DUTY_BOTTOM, -1.1, 1.1);
        Panel inverted = invertedPanel();
        svg.raw("<defs>\n");
        for (Panel p : List.of(angle, duty, inverted)) {
            svg.raw("<clipPath id=\"clip-" + p.id() + "\">");
            svg.rect(LEFT_PX, p.topPx(), PLOT_WIDTH_PX, p.heightPx(), "");
            svg.raw("</clipPath>\n");
        }
        svg.raw("</defs>\n");
        title();
        drawAngle(angle);
        drawLanes();
        drawDuty(duty);
        drawInverted(inverted);
        long unlabelled = drawEvents();
        timeAxis();
        footnote(unlabelled);
        return svg.close().toString();
    }

    private double x(double tS) {
        return LEFT_PX + (tS - firstT) / durationS * PLOT_WIDTH_PX;
    }

    private Panel anglePanel() {
        double lo = 0;
        double hi = 0;
        for (Extremes e : List.of(all.angleTrue, all.angleMeas, all.limitAngle)) {
            if (!e.isEmpty()) {
                lo = Math.min(lo, e.min());
                hi = Math.max(hi, e.max());
            }
        }
        // A wild measured sample (a sensor fault) must not squash the picture: the mechanical range
        // (-70..+90, SPEC §2) with a margin is all the panel ever spans; the line is clipped.
        lo = Math.max(-100, Math.floor((lo - 3) / 10) * 10);
        hi = Math.min(120, Math.ceil((hi + 3) / 10) * 10);
        return new Panel("angle", ANGLE_TOP, ANGLE_BOTTOM, lo, hi);
    }

    private Panel invertedPanel() {
        double hi = 10;
        for (Extremes e : List.of(all.inverted, all.limitInverted)) {
            if (!e.isEmpty()) {
                hi = Math.max(hi, e.max());
            }
        }
        return new Panel("inverted", INVERTED_TOP, INVERTED_BOTTOM, 0, hi * 1.1);
    }

    // ---- title and key

    private void title() {
        StringBuilder t = new StringBuilder(name).append("  \u00b7  ").append(duration(durationS));
        if (!all.angleTrue.isEmpty()) {
            t.append("  \u00b7  max true angle ").append(Svg.format("%.1f\u00b0", all.angleTrue.max()))
                    .append(Svg.format(" at %.1f s", all.angleTrue.maxT()));
            limitText(all.limitAngle, "\u00b0").ifPresent(l -> t.append(" (limit ").append(l).append(')'));
        }
        if (!all.inverted.isEmpty()) {
            t.append("  \u00b7  max inverted time ").append(Svg.format("%.1f s", all.inverted.max()));
            limitText(all.limitInverted, " s").ifPresent(l -> t.append(" (limit ").append(l).append(')'));
        }
        svg.text(LEFT_PX - 80, 24, t.toString(), "font-size=\"16\" font-weight=\"bold\" fill=\"#111827\"");
        key();
    }

    private static java.util.Optional<String> limitText(Extremes limit, String unit) {
        if (limit.isEmpty()) {
            return java.util.Optional.empty();
        }
        String text = compact(limit.min()) + (limit.min() == limit.max() ? "" : "\u2013" + compact(limit.max()));
        return java.util.Optional.of(text + unit);
    }

    static String compact(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Svg.format("%.1f", v);
    }

    static String duration(double s) {
        if (s < 600) {
            return Svg.format("%.1f s", s);
        }
        if (s < 3 * 3600) {
            return Svg.format("%.1f min", s / 60);
        }
        if (s < 72 * 3600) {
            return Svg.format("%.1f h", s / 3600);
        }
        return Svg.format("%.1f d", s / 86400);
    }

    /** One line that names the colours no line end can: the state bands, the enable shade, the markers. */
    private void key() {
        double x = LEFT_PX - 80;
        double y = 46;
        svg.text(x, y, "states:", "font-size=\"11\" fill=\"" + MUTED + "\"");
        x += 46;
        for (String state : presentStates()) {
            svg.rect(x, y - 10, 12, 12, "fill=\"" + StateNames.colour(state) + "\" stroke=\"#9ca3af\"");
            svg.text(x + 16, y, state, "font-size=\"11\"");
            x += 24 + EventLabels.widthPx(state);
        }
        x += 10;
        svg.rect(x, y - 10, 12, 12, "fill=\"" + ENABLED_COLOUR + "\" stroke=\"#9ca3af\"");
        svg.text(x + 16, y, "H-bridge enabled", "font-size=\"11\"");
        x += 24 + EventLabels.widthPx("H-bridge enabled");
        svg.line(x, y - 11, x, y + 2, "stroke=\"" + EVENT_COLOUR + "\" stroke-dasharray=\"3 2\"");
        svg.text(x + 5, y, "event", "font-size=\"11\"");
        x += 48;
        svg.line(x, y - 11, x, y + 2, "stroke=\"" + LIMIT_COLOUR + "\" stroke-width=\"1.5\"");
        svg.text(x + 5, y, "fault", "font-size=\"11\" fill=\"" + LIMIT_COLOUR + "\"");
        x += 48;
        svg.line(x, y - 4, x + 22, y - 4, "stroke=\"" + LIMIT_COLOUR + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
        svg.text(x + 27, y, "limit in force", "font-size=\"11\" fill=\"" + LIMIT_COLOUR + "\"");
    }

    /** The states of the trace: the controller's in their own order, then any the trace adds. */
    private List<String> presentStates() {
        Set<String> present = new LinkedHashSet<>();
        List<String> seen = states.names();
        for (TableState s : TableState.values()) {
            if (seen.contains(s.name())) {
                present.add(s.name());
            }
        }
        present.addAll(seen);
        return List.copyOf(present);
    }

    // ---- the angle panel

    private void drawAngle(Panel p) {
        for (Run band : runs(c -> states.shown(c.rows().stateRows))) {
            String state = states.name(band.value());
            svg.rect(band.x0(), p.topPx(), band.x1() - band.x0(), p.heightPx(),
                    "fill=\"" + StateNames.colour(state) + "\"");
        }
        pauses(p);
        yGrid(p, Ticks.step(p.hi() - p.lo(), 8), "\u00b0");
        timeGrid(p);
        svg.line(LEFT_PX, p.y(0), RIGHT_PX, p.y(0), "stroke=\"#374151\" stroke-width=\"1.2\"");
        clipped(p, () -> {
            svg.path(path(p, c -> c.rows().limitAngle), "stroke=\"" + LIMIT_COLOUR
                    + "\" stroke-width=\"1.8\" stroke-dasharray=\"8 5\"");
            // The true angle wide underneath, the measured one thin on top: where they agree the reader
            // sees a blue line with an orange core, where the sensor errs the orange leaves the blue.
            svg.path(path(p, c -> c.rows().angleTrue), "stroke=\"" + TRUE_COLOUR + "\" stroke-width=\"3\"");
            svg.path(path(p, c -> c.rows().angleMeas), "stroke=\"" + MEAS_COLOUR + "\" stroke-width=\"1\"");
        });
        for (Run band : runs(c -> states.shown(c.rows().stateRows))) {
            String state = states.name(band.value());
            if (band.x1() - band.x0() >= EventLabels.widthPx(state) + 8) {
                svg.text((band.x0() + band.x1()) / 2, p.topPx() + 14, state,
                        "font-size=\"11\" font-weight=\"bold\" fill=\"#374151\" text-anchor=\"middle\" " + HALO);
            }
        }
        frame(p);
        List<EndLabels.EndLabel> labels = new ArrayList<>();
        lastOf(c -> c.rows().angleTrue).ifPresent(v -> labels.add(end("true angle", TRUE_COLOUR, p, v)));
        lastOf(c -> c.rows().angleMeas).ifPresent(v -> labels.add(end("measured angle", MEAS_COLOUR, p, v)));
        lastOf(c -> c.rows().limitAngle).ifPresent(v -> labels.add(
                end("angle limit " + compact(v.value()) + "\u00b0", LIMIT_COLOUR, p, v)));
        labels.add(end("0\u00b0 = horizontal", "#374151", p, 0));
        endLabels(labels, p);
        axisTitle(p, "angle (deg), + = head down");
    }

    private void drawLanes() {
        lane(HOME_LANE_Y, "home switch", HOME_COLOUR, c -> c.rows().homeSwitchRows > 0);
        lane(ESTOP_LANE_Y, "e-stop pressed", LIMIT_COLOUR, c -> c.rows().estopRows > 0);
    }

    private void lane(double y, String label, String colour, Predicate<PlotColumns.Column> on) {
        svg.rect(LEFT_PX, y, PLOT_WIDTH_PX, LANE_H, "fill=\"#f9fafb\" stroke=\"#e5e7eb\"");
        for (Run r : runs(c -> on.test(c) ? 1 : -1)) {
            svg.rect(r.x0(), y, r.x1() - r.x0(), LANE_H, "fill=\"" + colour + "\"");
        }
        svg.text(LEFT_PX - 6, y + LANE_H - 0.5, label, "font-size=\"10\" text-anchor=\"end\" fill=\"#374151\"");
    }

    // ---- the duty panel

    private void drawDuty(Panel p) {
        List<Run> enabled = runs(c -> c.rows().enabledRows > 0 ? 1 : -1);
        for (Run r : enabled) {
            svg.rect(r.x0(), p.topPx(), r.x1() - r.x0(), p.heightPx(), "fill=\"" + ENABLED_COLOUR + "\"");
        }
        pauses(p);
        for (double v : new double[] {-1, 1}) {
            svg.line(LEFT_PX, p.y(v), RIGHT_PX, p.y(v), GRID);
        }
        timeGrid(p);
        svg.line(LEFT_PX, p.y(0), RIGHT_PX, p.y(0), "stroke=\"#374151\" stroke-width=\"1\"");
        tickLabel(p.y(1), "+1 down");
        tickLabel(p.y(0), "0");
        tickLabel(p.y(-1), "\u22121 up");
        clipped(p, () -> svg.path(path(p, c -> c.rows().duty), "stroke=\"" + DUTY_COLOUR + "\" stroke-width=\"1.5\""));
        enabled.stream().filter(r -> r.x1() - r.x0() >= EventLabels.widthPx("H-bridge enabled") + 8).findFirst()
                .ifPresent(r -> svg.text(r.x0() + 4, p.topPx() + 12, "H-bridge enabled",
                        "font-size=\"10\" fill=\"#166534\" " + HALO));
        frame(p);
        List<EndLabels.EndLabel> labels = new ArrayList<>();
        lastOf(c -> c.rows().duty).ifPresent(v -> labels.add(end("duty", DUTY_COLOUR, p, v)));
        endLabels(labels, p);
        axisTitle(p, "duty");
    }

    // ---- the inverted-time panel

    private void drawInverted(Panel p) {
        pauses(p);
        yGrid(p, Ticks.step(p.hi() - p.lo(), 4), "");
        timeGrid(p);
        clipped(p, () -> {
            svg.path(path(p, c -> c.rows().limitInverted), "stroke=\"" + LIMIT_COLOUR
                    + "\" stroke-width=\"1.8\" stroke-dasharray=\"8 5\"");
            svg.path(path(p, c -> c.rows().inverted), "stroke=\"" + INVERTED_COLOUR + "\" stroke-width=\"2\"");
        });
        frame(p);
        List<EndLabels.EndLabel> labels = new ArrayList<>();
        lastOf(c -> c.rows().inverted).ifPresent(v -> labels.add(end("inverted time", INVERTED_COLOUR, p, v)));
        lastOf(c -> c.rows().limitInverted).ifPresent(v -> labels.add(
                end("time limit " + compact(v.value()) + " s", LIMIT_COLOUR, p, v)));
        endLabels(labels, p);
        axisTitle(p, "inverted (s)");
    }

    // ---- events

    /** @return how many events have a marker but no label, for lack of room */
    private long drawEvents() {
        List<EventLabels.Marker> markers = new ArrayList<>();
        for (PlotColumns.Column c : columns) {
            if (c.rows().events != null) {
                for (TimeBucket.EventTally e : c.rows().events.values()) {
                    markers.add(new EventLabels.Marker(x(e.firstT), e.text, e.fault, e.count));
                }
            }
        }
        markers.sort(java.util.Comparator.comparingDouble(EventLabels.Marker::xPx));
        EventLabels.Placement placement = EventLabels.place(markers, EVENT_ROWS, LEFT_PX - 60, WIDTH_PX - 4);
        Set<Long> drawn = new java.util.HashSet<>();
        // Labelled markers first, so that their line reaches up to their text.
        for (EventLabels.Label l : placement.labels()) {
            double y = EVENT_ROW0_Y - l.row() * EVENT_ROW_STEP;
            markerLine(l.xPx(), y - 9, l.fault(), drawn);
            svg.text(l.endAnchored() ? l.xPx() - 2 : l.xPx() + 2, y, l.text(), "font-size=\"11\""
                    + (l.endAnchored() ? " text-anchor=\"end\"" : "")
                    + (l.fault() ? " font-weight=\"bold\" fill=\"" + LIMIT_COLOUR + "\"" : " fill=\"#1f2937\""));
        }
        for (EventLabels.Marker m : markers) {
            markerLine(m.xPx(), ANGLE_TOP, m.fault(), drawn);
        }
        return placement.unlabelled();
    }

    private void markerLine(double xPx, double topPx, boolean fault, Set<Long> drawn) {
        if (drawn.add(Math.round(xPx * 10) * 2 + (fault ? 1 : 0))) {
            svg.line(xPx, topPx, xPx, INVERTED_BOTTOM, fault
                    ? "stroke=\"" + LIMIT_COLOUR + "\" stroke-width=\"1.5\" opacity=\"0.9\""
                    : "stroke=\"" + EVENT_COLOUR + "\" stroke-width=\"1\" stroke-dasharray=\"3 2\" opacity=\"0.8\"");
        }
    }

    // ---- axes and helpers

    private void timeAxis() {
        Ticks.TimeUnit unit = Ticks.timeUnit(durationS);
        double step = Ticks.step(durationS / unit.seconds(), 10);
        for (double t : Ticks.between(firstT / unit.seconds(), lastT / unit.seconds(), step)) {
            double xPx = x(t * unit.seconds());
            svg.line(xPx, INVERTED_BOTTOM, xPx, INVERTED_BOTTOM + 4, "stroke=\"" + MUTED + "\"");
            svg.text(xPx, INVERTED_BOTTOM + 17, Ticks.label(t, step), "text-anchor=\"middle\" fill=\"#374151\"");
        }
        svg.text(LEFT_PX + PLOT_WIDTH_PX / 2.0, INVERTED_BOTTOM + 36, "time (" + unit.name() + ")",
                "text-anchor=\"middle\" font-size=\"13\" fill=\"#111827\"");
    }

    private void timeGrid(Panel p) {
        Ticks.TimeUnit unit = Ticks.timeUnit(durationS);
        double step = Ticks.step(durationS / unit.seconds(), 10);
        for (double t : Ticks.between(firstT / unit.seconds(), lastT / unit.seconds(), step)) {
            double xPx = x(t * unit.seconds());
            svg.line(xPx, p.topPx(), xPx, p.bottomPx(), GRID + " opacity=\"0.7\"");
        }
    }

    private void yGrid(Panel p, double step, String unit) {
        for (double v : Ticks.between(p.lo(), p.hi(), step)) {
            svg.line(LEFT_PX, p.y(v), RIGHT_PX, p.y(v), GRID);
            tickLabel(p.y(v), Ticks.label(v, step).replace('-', '\u2212') + unit);
        }
    }

    private void tickLabel(double yPx, String text) {
        svg.text(LEFT_PX - 6, yPx + 4, text, "font-size=\"11\" text-anchor=\"end\" fill=\"#374151\"");
    }

    private void axisTitle(Panel p, String title) {
        double cy = (p.topPx() + p.bottomPx()) / 2;
        svg.text(22, cy, title, "font-size=\"12\" text-anchor=\"middle\" fill=\"#111827\" transform=\"rotate(-90 22 "
                + Svg.num(cy) + ")\"");
    }

    private void frame(Panel p) {
        svg.rect(LEFT_PX, p.topPx(), PLOT_WIDTH_PX, p.heightPx(), "fill=\"none\" stroke=\"#9ca3af\"");
    }

    private void clipped(Panel p, Runnable draw) {
        svg.raw("<g clip-path=\"url(#clip-" + p.id() + ")\">\n");
        draw.run();
        svg.raw("</g>\n");
    }

    /** Grey where the trace has no rows (a power cut): nothing is known there, nothing is drawn. */
    private void pauses(Panel p) {
        for (int i = 1; i < columns.size(); i++) {
            if (columns.get(i).pauseBefore()) {
                double x0 = x(columns.get(i - 1).rows().lastRowT);
                double x1 = x(columns.get(i).rows().firstRowT);
                svg.rect(x0, p.topPx(), Math.max(1, x1 - x0), p.heightPx(), "fill=\"#d1d5db\" opacity=\"0.6\"");
                if (p.id().equals("angle") && x1 - x0 > 60) {
                    svg.text((x0 + x1) / 2, p.bottomPx() - 8, "no rows", "font-size=\"11\" text-anchor=\"middle\" fill=\""
                            + MUTED + "\"");
                }
            }
        }
    }

    private CharSequence path(Panel p, Function<PlotColumns.Column, Extremes> series) {
        SeriesPath path = new SeriesPath();
        for (PlotColumns.Column c : columns) {
            Extremes e = series.apply(c);
            if (c.pauseBefore() || e.isEmpty()) {
                path.breakLine();
            }
            for (double[] point : e.points()) {
                path.add(x(point[0]), p.y(point[1]));
            }
        }
        return path.d();
    }

    /** A series' last value, and when it came. */
    private record LastValue(double value, double tS) {
    }

    private java.util.Optional<LastValue> lastOf(Function<PlotColumns.Column, Extremes> series) {
        for (int i = columns.size() - 1; i >= 0; i--) {
            Extremes e = series.apply(columns.get(i));
            if (!e.isEmpty()) {
                return java.util.Optional.of(new LastValue(e.last(), e.lastT()));
            }
        }
        return java.util.Optional.empty();
    }

    private EndLabels.EndLabel end(String text, String colour, Panel p, LastValue last) {
        // A line that stopped early (no IMU sample after a fault) must not seem to reach the end.
        String note = lastT - last.tS() > durationS / 50 ? Svg.format("(none after %.1f s)", last.tS()) : "";
        return new EndLabels.EndLabel(text, note, colour, p.yInside(last.value()), p.yInside(last.value()));
    }

    private static EndLabels.EndLabel end(String text, String colour, Panel p, double value) {
        return new EndLabels.EndLabel(text, "", colour, p.yInside(value), p.yInside(value));
    }

    private void endLabels(List<EndLabels.EndLabel> wanted, Panel p) {
        for (EndLabels.EndLabel l : EndLabels.place(wanted, p.topPx(), p.bottomPx() + 6)) {
            svg.line(RIGHT_PX, l.yPx(), RIGHT_PX + 5, l.placedYPx(), "stroke=\"" + l.colour() + "\"");
            svg.text(RIGHT_PX + 8, l.placedYPx() + 4, l.text(), "font-size=\"12\" font-weight=\"bold\" fill=\""
                    + l.colour() + "\"");
            if (!l.note().isEmpty()) {
                svg.text(RIGHT_PX + 8, l.placedYPx() + 15, l.note(), "font-size=\"10\" fill=\"" + l.colour() + "\"");
            }
        }
    }

    /** A stretch of neighbouring columns that show the same value (a state, a lane that is on). */
    record Run(double x0, double x1, int value) {
    }

    /** Runs of equal {@code value} (negative: nothing to draw), each column up to where the next begins. */
    private List<Run> runs(java.util.function.ToIntFunction<PlotColumns.Column> value) {
        List<Run> runs = new ArrayList<>();
        double start = 0;
        int current = -1;
        for (int i = 0; i < columns.size(); i++) {
            PlotColumns.Column c = columns.get(i);
            double x0 = LEFT_PX + c.index();
            boolean last = i == columns.size() - 1;
            PlotColumns.Column next = last ? null : columns.get(i + 1);
            double x1 = last ? RIGHT_PX : next.pauseBefore() ? Math.max(x(c.rows().lastRowT), x0 + 1)
                    : LEFT_PX + next.index();
            int v = value.applyAsInt(c);
            if (v != current || c.pauseBefore()) {
                current = v;
                start = x0;
                if (v >= 0) {
                    runs.add(new Run(start, x1, v));
                }
            } else if (v >= 0) {
                runs.set(runs.size() - 1, new Run(start, x1, v));
            }
        }
        return runs;
    }

    private void footnote(long unlabelled) {
        String text = Svg.format("%d rows from t = %.2f s to %.2f s. Each pixel column draws the lowest and the"
                + " highest value of its rows, so a spike of one tick stays visible.", rows, firstT, lastT)
                + (unlabelled > 0 ? " " + unlabelled + " events have a marker but no label, for lack of room." : "");
        svg.text(LEFT_PX - 80, HEIGHT_PX - 10, text, "font-size=\"10\" fill=\"" + MUTED + "\"");
    }
}

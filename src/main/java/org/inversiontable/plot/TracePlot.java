package org.inversiontable.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.trace.TraceRow;

/**
 * The picture of a trace (SPEC §8 {@code plot}, {@code scenario --plot}) as one SVG file: angle,
 * duty and inverted time against time, the limits in force, the states as coloured bands, events
 * and faults as labelled markers. Rows stream in one at a time and are folded into one bucket per
 * half pixel column as they come, so a week of ticks costs the memory of a minute and the SVG stays
 * a few hundred kilobytes; the lowest and highest value of every column are kept, so a spike of one
 * tick is still drawn.
 * <pre>{@code
 * TracePlot plot = new TracePlot("demo.scenario");
 * runner.run(scenario, config, traceFile, plot);          // or: rows.forEach(plot)
 * plot.write(Path.of("demo.svg"));                         // PlotException names the file
 * }</pre>
 * Not thread-safe: one plot belongs to one run.
 */
public final class TracePlot implements Consumer<TraceRow> {
    /** The codes that mark an event as a fault (drawn red). */
    private static final Set<String> FAULT_CODES = Arrays.stream(FaultCode.values()).map(FaultCode::code)
            .collect(Collectors.toUnmodifiableSet());

    private final String name;
    private final StateNames states = new StateNames();
    private final TimeBuckets buckets = new TimeBuckets(2 * PlotPicture.PLOT_WIDTH_PX);
    private long rows;
    private double firstT = Double.NaN;
    private double lastT = Double.NaN;
    private String latchedFault;

    /** @param name what the title calls the run (the trace's or the scenario's file name) */
    public TracePlot(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds one tick. Times are expected not to decrease; a row that goes back in time is drawn
     * with the latest one rather than refused.
     *
     * @throws IllegalArgumentException when {@code t_s} is not a finite number
     */
    @Override
    public void accept(TraceRow row) {
        double t = row.tS();
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("t_s must be a finite number, was " + t);
        }
        if (rows == 0) {
            firstT = t;
            lastT = t;
        }
        lastT = Math.max(lastT, t);
        rows++;
        TimeBucket b = buckets.at(t);
        if (b.rows == 0) {
            b.firstRowT = t;
        }
        b.lastRowT = t;
        b.rows++;
        b.angleTrue.add(t, row.angleTrueDeg());
        b.angleMeas.add(t, row.angleMeasDeg());
        b.duty.add(t, row.duty());
        b.inverted.add(t, row.invertedS());
        b.limitAngle.add(t, row.limitAngleDeg());
        b.limitInverted.add(t, row.limitInvertedS());
        b.enabledRows += row.enabled() ? 1 : 0;
        b.homeSwitchRows += row.homeSwitch() ? 1 : 0;
        b.estopRows += row.estop() ? 1 : 0;
        b.noSampleRows += Double.isFinite(row.angleMeasDeg()) ? 0 : 1;
        b.countState(states.indexOf(row.state()));
        String event = row.event();
        if (event != null && !event.isBlank()) {
            b.countEvent(event, t, FAULT_CODES.contains(event) || event.equals(row.fault()));
        }
        String fault = row.fault();
        if (fault != null && !fault.equals(latchedFault) && !fault.equals(event)) {
            // A fault that latched without its event (a trace from another tool) still gets its marker.
            b.countEvent(fault, t, true);
        }
        latchedFault = fault;
    }

    /** The rows accepted so far. */
    public long rowCount() {
        return rows;
    }

    /** The SVG document (UTF-8 text); a plot of no rows says so in its title. */
    public void writeTo(Writer out) throws IOException {
        out.write(new PlotPicture(name, states, buckets, rows, firstT, lastT).svg());
        out.flush();
    }

    /**
     * Creates or replaces {@code file}.
     *
     * @throws PlotException naming the file and the reason when it cannot be written
     */
    public void write(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeTo(out);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            throw PlotException.cannotWrite(file, e);
        }
    }
}

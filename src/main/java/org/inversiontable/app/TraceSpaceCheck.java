package org.inversiontable.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.trace.TraceWriter;

/**
 * Refuses up front a {@code scenario --trace} whose trace would not fit: larger than a trace may
 * grow ({@link TraceWriter#DEFAULT_MAX_BYTES}), or than the free space of its disk less a
 * reserve. A typo such as {@code run 1000000000} once wrote 1.6 GB in 15 s before anyone noticed;
 * the writer's own cap stops what this estimate misses.
 *
 * <pre>{@code
 * Optional<String> problem = TraceSpaceCheck.problem(scenario.runUntilNanos(), traceFile, Files::...);
 * problem.ifPresent(p -> err.println(file + ":" + runLine + ": " + p));   // exit 2
 * }</pre>
 */
final class TraceSpaceCheck {
    /** Left free on the trace's disk whatever the run: the journal and the system need room too. */
    static final long RESERVE_BYTES = 256L << 20;
    private static final double MB = 1 << 20;

    /** The space a trace may use on the disk that holds {@code dir}. */
    @FunctionalInterface
    interface UsableSpace {
        long bytes(Path dir) throws IOException;

        UsableSpace DISK = dir -> Files.getFileStore(dir).getUsableSpace();
    }

    private TraceSpaceCheck() {
    }

    /** The trace of a run this long, at most: one row a control tick, at the row estimate. */
    static long estimatedBytes(long runNanos) {
        return (runNanos / ControlLoop.PERIOD_NANOS + 1) * TraceWriter.ROW_BYTES_ESTIMATE;
    }

    /**
     * @return what is wrong with tracing a run of {@code runNanos} into {@code traceFile}, or empty
     *         when it fits (or the disk cannot be asked: opening the file will say why)
     */
    static Optional<String> problem(long runNanos, Path traceFile, UsableSpace space) {
        return problem(runNanos, runNanos, traceFile, space);
    }

    /**
     * As {@link #problem(long, Path, UsableSpace)} for a run with power-offs: only
     * {@code poweredNanos} of it is ticked and traced (a cut of days writes no row).
     */
    static Optional<String> problem(long runNanos, long poweredNanos, Path traceFile, UsableSpace space) {
        long bytes = estimatedBytes(poweredNanos);
        String run = String.format(Locale.ROOT, "'run %s'%s with --trace would write up to %.0f MB (%d ticks of up to %d bytes)",
                seconds(runNanos), poweredNanos == runNanos ? "" : " (" + seconds(poweredNanos) + " s of it with the power on)",
                bytes / MB, poweredNanos / ControlLoop.PERIOD_NANOS + 1, TraceWriter.ROW_BYTES_ESTIMATE);
        if (bytes > TraceWriter.DEFAULT_MAX_BYTES) {
            double maxHours = TraceWriter.DEFAULT_MAX_BYTES / TraceWriter.ROW_BYTES_ESTIMATE
                    * (ControlLoop.PERIOD_NANOS / 1e9) / 3600.0;
            return Optional.of(String.format(Locale.ROOT, "%s; a trace may hold at most %.0f MB, about %.1f h of"
                    + " simulated time: shorten the run or drop --trace", run, TraceWriter.DEFAULT_MAX_BYTES / MB, maxHours));
        }
        Path dir = traceFile.toAbsolutePath().getParent();
        long usable;
        try {
            usable = space.bytes(dir);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        if (bytes > usable - RESERVE_BYTES) {
            return Optional.of(String.format(Locale.ROOT, "%s, but only %.0f MB are free on the disk of %s and %.0f MB"
                    + " must stay free: shorten the run, free some space or trace to another disk",
                    run, Math.max(0, usable) / MB, dir, RESERVE_BYTES / MB));
        }
        return Optional.empty();
    }

    private static String seconds(long nanos) {
        return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }
}

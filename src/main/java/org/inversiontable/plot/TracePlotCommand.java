package org.inversiontable.plot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.inversiontable.trace.TraceReader;

/**
 * The work of {@code plot TRACE.jsonl OUT.svg} (SPEC §8): reads the trace a line at a time (a
 * week-long trace does not fit in memory as text), draws it, and says in one line what it wrote.
 * Bad input gets one line naming the file, the line and the problem, and exit 2; never a stack
 * trace.
 * <pre>{@code
 * int exit = TracePlotCommand.run(Path.of("run.jsonl"), Path.of("run.svg"), System.out, System.err);
 * }</pre>
 */
public final class TracePlotCommand {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;

    private TracePlotCommand() {
    }

    public static int run(Path trace, Path svg, PrintStream out, PrintStream err) {
        if (trace.toAbsolutePath().normalize().equals(svg.toAbsolutePath().normalize())) {
            err.println("plot: " + svg + " would overwrite the trace; give another output file");
            return BAD_INPUT;
        }
        TracePlot plot = new TracePlot(String.valueOf(trace.getFileName()));
        try {
            read(trace, plot);
        } catch (IllegalArgumentException e) {
            err.println("plot: " + e.getMessage());
            return BAD_INPUT;
        } catch (UncheckedIOException e) {
            err.println("plot: " + e.getMessage());
            return BAD_INPUT;
        }
        if (plot.rowCount() == 0) {
            err.println("plot: " + trace + ": the trace has no rows; nothing to draw");
            return BAD_INPUT;
        }
        try {
            plot.write(svg);
        } catch (PlotException e) {
            err.println("plot: " + e.getMessage());
            return BAD_INPUT;
        }
        out.println("plot: wrote " + svg + " (" + plot.rowCount() + " rows of " + trace + ", " + size(svg) + ")");
        return OK;
    }

    /**
     * Feeds every row of {@code trace} to {@code plot}.
     *
     * @throws IllegalArgumentException "file:line: what is wrong" for a malformed row
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    static void read(Path trace, TracePlot plot) {
        try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    plot.accept(TraceReader.parseLine(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(trace + ":" + number + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read the trace file " + trace + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace file " + trace + ": " + PlotException.reason(e), e);
        }
    }

    private static String size(Path file) {
        try {
            return Math.max(1, (Files.size(file) + 512) / 1024) + " KB";
        } catch (IOException e) {
            return "size unknown";
        }
    }
}

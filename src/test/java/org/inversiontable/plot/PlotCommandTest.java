package org.inversiontable.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot TRACE.jsonl OUT.svg} (SPEC §8): exit 0 and one line saying what it wrote; exit 2 and
 * one line naming the file, the line and the problem for bad input; never a stack trace.
 */
class PlotCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int plot(Path trace, Path svg) {
        return TracePlotCommand.run(trace, svg, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Path trace(List<TraceRow> rows) throws IOException {
        Path file = dir.resolve("run.jsonl");
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(TraceWriter.line(r)));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aTracePlotsToAnSvgAndOneLineSaysWhere() throws IOException {
        Path svg = dir.resolve("run.svg");
        assertEquals(0, plot(trace(PlotTestTraces.session()), svg));
        assertTrue(out().startsWith("plot: wrote " + svg), out());
        assertEquals(1, out().lines().count(), out());
        assertEquals("", err());
        PlotTestTraces.parse(Files.readString(svg));
    }

    @Test
    void aMalformedRowIsNamedByFileAndLine() throws IOException {
        Path file = trace(PlotTestTraces.session().subList(0, 5));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"duty\":0.0000", "\"duty\":\"fast\""));
        Files.write(file, lines);
        assertEquals(2, plot(file, dir.resolve("run.svg")));
        assertTrue(err().startsWith("plot: " + file + ":3: duty must be a number"), err());
        assertNoStackTrace();
        assertFalse(Files.exists(dir.resolve("run.svg")), "nothing written for a bad trace");
    }

    @Test
    void aLineThatIsNotJsonIsNamedByFileAndLine() throws IOException {
        Path file = dir.resolve("torn.jsonl");
        Files.writeString(file, TraceWriter.line(PlotTestTraces.session().get(0)) + "\n{\"t_s\":0.01,\"sta");
        assertEquals(2, plot(file, dir.resolve("run.svg")));
        assertTrue(err().startsWith("plot: " + file + ":2: "), err());
        assertNoStackTrace();
    }

    @Test
    void aMissingTraceIsBadInput() {
        Path missing = dir.resolve("nothing.jsonl");
        assertEquals(2, plot(missing, dir.resolve("run.svg")));
        assertEquals("plot: cannot read the trace file " + missing + ": no such file", err().strip());
    }

    @Test
    void anEmptyTraceIsBadInput() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertEquals(2, plot(empty, dir.resolve("run.svg")));
        assertTrue(err().contains("has no rows"), err());
    }

    @Test
    void anUnwritableOutputIsBadInput() throws IOException {
        Path trace = trace(PlotTestTraces.session().subList(0, 100));
        Path svg = dir.resolve("no-such-dir").resolve("run.svg");
        assertEquals(2, plot(trace, svg));
        assertEquals("plot: cannot write the plot file " + svg + ": no such directory", err().strip());
        assertEquals("", out());
    }

    @Test
    void anOutputThatIsADirectoryIsBadInput() throws IOException {
        Path trace = trace(PlotTestTraces.session().subList(0, 100));
        Path svg = Files.createDirectory(dir.resolve("out.svg"));
        assertEquals(2, plot(trace, svg));
        assertTrue(err().startsWith("plot: cannot write the plot file " + svg), err());
        assertNoStackTrace();
    }

    @Test
    void theOutputMayNotOverwriteTheTrace() throws IOException {
        Path trace = trace(PlotTestTraces.session().subList(0, 100));
        String before = Files.readString(trace);
        assertEquals(2, plot(trace, trace));
        assertEquals(before, Files.readString(trace));
        assertTrue(err().contains("would overwrite the trace"), err());
    }

    private void assertNoStackTrace() {
        assertEquals(1, err().lines().count(), err());
        assertFalse(err().contains("Exception"), err());
        assertFalse(err().contains("\tat "), err());
    }
}

package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inversiontable.plot.TracePlotCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plot TRACE.jsonl OUT.svg}: the picture of {@code scenario --plot}, from any trace. */
@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Draw a trace (from scenario, simulate or run) as an SVG: true and measured angle, duty, "
                + "states, the limits in force, events and faults against time.")
final class PlotCli implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "TRACE.jsonl", description = "the trace to draw")
    private Path trace;
    @Parameters(index = "1", paramLabel = "OUT.svg", description = "the picture to write")
    private Path svg;

    PlotCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return TracePlotCommand.run(trace, svg, out, err);
    }
}

package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inversiontable.replay.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code replay TRACE.jsonl} (SPEC §8): the controller again on a trace's recorded inputs. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Run the controller again on the inputs recorded in a trace (from scenario, simulate or run) "
                + "and compare its outputs with the recorded ones: exit 0 when equal, 1 naming the first tick "
                + "that differs.")
final class ReplayCli implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "TRACE.jsonl", description = "the trace to replay")
    private Path trace;

    ReplayCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return new Replay().run(trace, out, err);
    }
}

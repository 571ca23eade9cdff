package org.inversiontable.pi;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks {@code run} makes before the table may move (SPEC §8), in order, each reported on a
 * line of its own: {@code self-test: e-stop: FAILED: ...}. Every check runs, so that one start
 * shows every problem of a freshly wired table; the run goes on only when none failed.
 *
 * <pre>{@code
 * SelfTest.Report report = new SelfTest(checks).run(err);
 * if (report.failed()) return 2;
 * }</pre>
 */
public final class SelfTest {
    private final List<SelfTestCheck> checks;

    public SelfTest(List<SelfTestCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** What the self-test found, check by check. */
    public record Report(List<Line> lines) {
        public record Line(String part, CheckResult result) {
        }

        public boolean failed() {
            return lines.stream().anyMatch(l -> l.result().failed());
        }
    }

    public Report run(PrintStream out) {
        List<Report.Line> lines = new ArrayList<>();
        for (SelfTestCheck check : checks) {
            CheckResult result;
            try {
                result = check.run();
            } catch (RuntimeException e) {
                // A check that throws is a part that did not answer as it should: a failure, named.
                result = CheckResult.failed("the check could not run: " + e.getMessage());
            }
            lines.add(new Report.Line(check.part(), result));
            out.println("self-test: " + check.part() + ": " + word(result.outcome()) + ": " + result.message());
        }
        return new Report(List.copyOf(lines));
    }

    private static String word(CheckResult.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "ok";
            case NOT_PROVEN -> "NOT PROVEN";
            case FAILED -> "FAILED";
        };
    }
}

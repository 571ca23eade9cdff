package org.inversiontable.scenario;

import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.inversiontable.trace.TraceRow;

/**
 * Evaluates one expectation over the stream of rows, keeping O(1) state so a long run never
 * holds its trace in memory. Feed every row in time order, then ask for the {@link #outcome()}.
 */
abstract sealed class ExpectationCheck implements Consumer<TraceRow> {
    /**
     * Slack for binary rounding in |angle - X|: 1.5 - 1.2 is 0.30000000000000004, and a file that
     * says "1.2 +- 0.3" means the decimal numbers. Far below any angle that matters.
     */
    static final double ROUNDING_SLACK_DEG = 1e-9;

    static ExpectationCheck of(Expectation expectation) {
        return switch (expectation) {
            case StateAt s -> new AtTime(s, s.atNanos());
            case AngleAt a -> new AtTime(a, a.atNanos());
            case MaxAngleAtMost m -> new Maximum(m, TraceRow::angleTrueDeg, m.deg(), "deg");
            case MaxInvertedAtMost m -> new Maximum(m, TraceRow::invertedS, m.seconds(), "s");
        };
    }

    abstract ExpectationOutcome outcome();

    /**
     * Row times are doubles; rounding to the nearest nanosecond recovers the tick time exactly,
     * so a row at 0.3 s counts as "at" an expectation at 0.3 s despite binary rounding.
     */
    static long nanos(TraceRow row) {
        return Math.round(row.tS() * 1e9);
    }

    static String fmt(double v, int decimals) {
        StringBuilder sb = new StringBuilder();
        org.inversiontable.json.JsonText.appendFixed(sb, v, decimals);
        return sb.toString();
    }

    /** Looks at the last row with t_s <= T: the row at T if there is one. */
    private static final class AtTime extends ExpectationCheck {
        private final Expectation expectation;
        private final long atNanos;
        private TraceRow last;

        AtTime(Expectation expectation, long atNanos) {
            this.expectation = expectation;
            this.atNanos = atNanos;
        }

        @Override
        public void accept(TraceRow row) {
            if (nanos(row) <= atNanos) {
                last = row;
            }
        }

        @Override
        ExpectationOutcome outcome() {
            if (last == null) {
                return new ExpectationOutcome(expectation, false,
                        "no trace row at or before " + ScenarioWords.seconds(atNanos) + " s");
            }
            String when = " (row at " + fmt(last.tS(), 3) + " s)";
            return switch (expectation) {
                case StateAt s -> new ExpectationOutcome(s, s.state().name().equals(last.state()),
                        last.state() + when);
                case AngleAt a -> new ExpectationOutcome(a,
                        Math.abs(last.angleTrueDeg() - a.deg()) <= a.tolDeg() + ROUNDING_SLACK_DEG,
                        fmt(last.angleTrueDeg(), 4) + " deg" + when);
                default -> throw new IllegalStateException("not a timed expectation: " + expectation);
            };
        }
    }

    /** The largest value of one field over every row. */
    private static final class Maximum extends ExpectationCheck {
        private final Expectation expectation;
        private final ToDoubleFunction<TraceRow> field;
        private final double limit;
        private final String unit;
        private double max = Double.NEGATIVE_INFINITY;
        private double maxAtS = Double.NaN;
        private long rows;

        Maximum(Expectation expectation, ToDoubleFunction<TraceRow> field, double limit, String unit) {
            this.expectation = expectation;
            this.field = field;
            this.limit = limit;
            this.unit = unit;
        }

        @Override
        public void accept(TraceRow row) {
            double value = field.applyAsDouble(row);
            rows++;
            // NaN must not hide: a row whose value is unknown makes the check fail, not pass.
            if (value > max || Double.isNaN(value) && !Double.isNaN(max)) {
                max = value;
                maxAtS = row.tS();
            }
        }

        @Override
        ExpectationOutcome outcome() {
            if (rows == 0) {
                return new ExpectationOutcome(expectation, false, "no trace rows");
            }
            if (Double.isNaN(max)) {
                return new ExpectationOutcome(expectation, false, "a row without a value at " + fmt(maxAtS, 3) + " s");
            }
            return new ExpectationOutcome(expectation, max <= limit,
                    "max " + fmt(max, 4) + " " + unit + " (at " + fmt(maxAtS, 3) + " s)");
        }
    }
}

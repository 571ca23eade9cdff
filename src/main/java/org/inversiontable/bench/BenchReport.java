package org.inversiontable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bench} prints: a table of figures (value, target, whether it is met), then as its
 * very last line the one of SPEC §11, exactly:
 * {@code bench: jitter_p99_ratio=R alloc_bytes_per_tick=N estop_p99_us=U sim_speed_x=S startup_ms=M}.
 *
 * <pre>{@code
 * BenchReport report = new BenchReport();
 * report.add("jitter p99 ratio", "1.31", "<= 1.2", Verdict.NOT_MET);
 * report.print(out, new BenchReport.LastLine(1.31, 392, 38, 11850, 612));
 * }</pre>
 */
public final class BenchReport {
    /** How a figure stands against SPEC §11. */
    public enum Verdict {
        MET("met"), NOT_MET("NOT MET"), REPORTED("-");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public static Verdict of(boolean met) {
            return met ? MET : NOT_MET;
        }
    }

    record Row(String figure, String value, String target, Verdict verdict) {
    }

    /** SPEC §11's last line; a figure not measured is written -1. */
    public record LastLine(double jitterP99Ratio, long allocBytesPerTick, long estopP99Micros, double simSpeedX,
                           long startupMs) {
        public String format() {
            return String.format(Locale.ROOT,
                    "bench: jitter_p99_ratio=%.2f alloc_bytes_per_tick=%d estop_p99_us=%d sim_speed_x=%.0f startup_ms=%d",
                    jitterP99Ratio, allocBytesPerTick, estopP99Micros, simSpeedX, startupMs);
        }
    }

    private static final String HEADER_FIGURE = "figure";
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void add(String figure, String value, String target, Verdict verdict) {
        rows.add(new Row(figure, value, target, verdict));
    }

    /** A line printed under the table (how a figure was taken, what went wrong). */
    public void note(String text) {
        notes.add(text);
    }

    /** The table, the notes, then the last line. */
    public String render(LastLine last) {
        int f = HEADER_FIGURE.length();
        int v = "value".length();
        int t = "target".length();
        for (Row r : rows) {
            f = Math.max(f, r.figure().length());
            v = Math.max(v, r.value().length());
            t = Math.max(t, r.target().length());
        }
        String format = "%-" + f + "s  %" + v + "s  %-" + t + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, HEADER_FIGURE, "value", "target", "§11"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, format, r.figure(), r.value(), r.target(), r.verdict().word)
                    .replaceAll(" +(\\R)$", "$1"));
        }
        for (String n : notes) {
            sb.append("note: ").append(n).append(System.lineSeparator());
        }
        sb.append(last.format()).append(System.lineSeparator());
        return sb.toString();
    }
}

package org.inversiontable.trace;

import org.inversiontable.json.JsonText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the trace of SPEC §10: one JSON object per control tick, one per line, fields in a fixed
 * order. Outside tools check runs with it, so field names and formats are a stable contract.
 * <pre>{@code
 * try (TraceWriter trace = TraceWriter.open(Path.of("run.jsonl"))) {
 *     trace.write(row);                                  // once per tick
 * }
 * }</pre>
 * Not thread-safe: one writer belongs to one loop.
 *
 * <p>A trace never grows past {@link #maxBytes}: a run that would write more stops with a
 * {@link TraceException} that says so, rather than fill the disk (1.6 GB in 15 s is possible).
 */
public final class TraceWriter implements AutoCloseable {
    /** The largest trace a file may hold by default: about 10 hours of ticks at 100 Hz. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /**
     * What one tick's row takes at most, with its raw inputs: about 480 bytes in practice, 575 at
     * worst (the longest codes, 17-digit inputs, a 15-character profile name). The first row after
     * a process start also carries the configuration (about 1.8 KB); the 130 bytes by which an
     * ordinary row stays under this estimate pay for it within fifteen ticks.
     */
    public static final long ROW_BYTES_ESTIMATE = 600;

    /** A boot row's configuration values are the fields {@code config.KEY}. */
    public static final String CONFIG_PREFIX = "config.";

    private final Writer out;
    private final String name;
    private final long maxBytes;
    private long writtenBytes;
    private final StringBuilder line = new StringBuilder(256);
    private char[] chars = new char[256];

    /** @param name how messages name the destination (the file name) */
    public TraceWriter(Writer out, String name) {
        this(out, name, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the most this trace may write; the row that would pass it is refused */
    public TraceWriter(Writer out, String name, long maxBytes) {
        this.out = java.util.Objects.requireNonNull(out, "out");
        this.name = java.util.Objects.requireNonNull(name, "name");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Creates or truncates the file; buffered; at most {@link #DEFAULT_MAX_BYTES}. */
    public static TraceWriter open(Path file) {
        try {
            return new TraceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), file.toString(),
                    DEFAULT_MAX_BYTES);
        } catch (IOException | SecurityException e) {
            throw new TraceException("cannot write the trace file " + file + ": " + reason(e), asIo(e));
        }
    }

    public void write(TraceRow row) {
        line.setLength(0);
        appendRow(line, row);
        line.append('\n');
        if (chars.length < line.length()) {
            chars = new char[line.length() * 2];
        }
        line.getChars(0, line.length(), chars, 0);
        // The rows are ASCII in practice (numbers, states, codes): a char is counted as a byte.
        if (writtenBytes + line.length() > maxBytes) {
            throw new TraceException(String.format(java.util.Locale.ROOT,
                    "the trace file %s reached its limit of %d bytes at t_s = %.3f; the run was stopped there."
                            + " Shorten the run or trace a shorter scenario", name, maxBytes, row.tS()),
                    new IOException("trace size limit of " + maxBytes + " bytes"));
        }
        writtenBytes += line.length();
        try {
            out.write(chars, 0, line.length());
        } catch (IOException e) {
            throw new TraceException("cannot write the trace file " + name + ": " + reason(e), e);
        }
    }

    /** The JSON object of one row, without the newline. */
    public static String line(TraceRow row) {
        StringBuilder sb = new StringBuilder(256);
        appendRow(sb, row);
        return sb.toString();
    }

    static void appendRow(StringBuilder sb, TraceRow row) {
        sb.append("{\"t_s\":");
        JsonText.appendFixed(sb, row.tS(), 3);
        sb.append(",\"state\":");
        JsonText.appendString(sb, row.state());
        sb.append(",\"angle_true_deg\":");
        JsonText.appendFixed(sb, row.angleTrueDeg(), 4);
        sb.append(",\"angle_meas_deg\":");
        JsonText.appendFixed(sb, row.angleMeasDeg(), 4);
        sb.append(",\"duty\":");
        JsonText.appendFixed(sb, row.duty(), 4);
        sb.append(",\"enabled\":").append(row.enabled());
        sb.append(",\"inverted_s\":");
        JsonText.appendFixed(sb, row.invertedS(), 3);
        sb.append(",\"estop\":").append(row.estop());
        sb.append(",\"home_switch\":").append(row.homeSwitch());
        sb.append(",\"fault\":");
        JsonText.appendString(sb, row.fault());
        sb.append(",\"event\":");
        JsonText.appendString(sb, row.event());
        sb.append(",\"heartbeat\":").append(row.heartbeat());
        sb.append(",\"limit_angle_deg\":");
        JsonText.appendFixed(sb, row.limitAngleDeg(), 1);
        sb.append(",\"limit_inverted_s\":");
        JsonText.appendFixed(sb, row.limitInvertedS(), 1);
        sb.append(",\"profile\":");
        JsonText.appendString(sb, row.profile());
        if (row.inputs() != null) {
            appendInputs(sb, row.inputs());
        }
        if (row.boot() != null) {
            appendBoot(sb, row.boot());
        }
        sb.append('}');
    }

    private static void appendInputs(StringBuilder sb, TraceRow.Inputs in) {
        sb.append(",\"t_ns\":").append(in.tNs());
        sb.append(",\"tilt_status\":");
        JsonText.appendString(sb, in.tiltStatus());
        sb.append(",\"tilt_angle_deg\":");
        JsonText.appendExact(sb, in.tiltAngleDeg());
        sb.append(",\"tilt_gravity_g\":");
        JsonText.appendExact(sb, in.tiltGravityG());
        sb.append(",\"buttons\":").append(in.buttons());
        sb.append(",\"report_estop\":").append(in.reportEstop());
        sb.append(",\"report_fault\":");
        JsonText.appendString(sb, in.reportFault());
        sb.append(",\"estop_cut_in_tick\":").append(in.estopCutInTick());
        if (in.restRefused()) {
            // Only on the rare ticks it is true: a field on every row would cost every row its bytes.
            sb.append(",\"rest_refused\":true");
        }
    }

    private static void appendBoot(StringBuilder sb, TraceRow.Boot boot) {
        sb.append(",\"boot_t_ns\":").append(boot.tNs());
        sb.append(",\"boot_inverted_s\":");
        JsonText.appendExact(sb, boot.invertedS());
        sb.append(",\"boot_session_active\":").append(boot.sessionActive());
        sb.append(",\"boot_budget_spent\":").append(boot.budgetSpent());
        sb.append(",\"boot_journal_problem\":");
        JsonText.appendString(sb, boot.journalProblem());
        sb.append(",\"boot_return_ran\":").append(boot.returnRan());
        sb.append(",\"boot_no_journal\":").append(boot.noJournal());
        sb.append(",\"boot_preset_deg\":");
        JsonText.appendExact(sb, boot.presetDeg());
        sb.append(",\"boot_heartbeat\":").append(boot.heartbeat());
        for (java.util.Map.Entry<String, String> e : boot.config().entrySet()) {
            sb.append(',');
            JsonText.appendString(sb, CONFIG_PREFIX + e.getKey());
            sb.append(':');
            JsonText.appendString(sb, e.getValue());
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new TraceException("cannot write the trace file " + name + ": " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static IOException asIo(Exception e) {
        return e instanceof IOException io ? io : new IOException(e);
    }
}

package org.inversiontable.hardware.pi4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One hardware PWM channel driven through the kernel's sysfs files, the duty in nanoseconds
 * through a {@code duty_cycle} file held open for the life of the program.
 *
 * <pre>{@code
 * SysfsPwmChannel pwm = SysfsPwmChannel.open(Path.of("/sys/class/pwm"), chip, channel, 50_000L, Files::writeString);
 * pwm.duty(0.4235);   // 21175 ns, written at once, the channel stays enabled
 * pwm.zero();
 * pwm.close();        // duty 0, then disabled
 * }</pre>
 *
 * <p>Why not Pi4J's {@code LinuxFsPwm}: its {@code on()} zeroes the duty, disables the channel,
 * rewrites period, duty and polarity and enables it again on every change, a gap of 0.2-1 ms
 * in the drive at each step, and its duty is a whole percent. Here the period is written once,
 * the channel is enabled once, and each change is one {@code pwrite} of the new duty: no gap and
 * a step of one nanosecond (1/50,000 of the period at 20 kHz), so no dithering is needed.
 *
 * <p>Start: duty 0 (a channel left running by a dead process stops first, and a period shorter
 * than the old duty is then accepted), disable, period, polarity normal, enable. Close: duty 0,
 * then disable.
 *
 * <p>Not thread-safe: confined to the holder of {@link Pi4jHBridge}'s tick lock. Writes allocate
 * nothing (the digits go into one reused buffer).
 */
public final class SysfsPwmChannel implements DutyOutput, AutoCloseable {
    /** How the one-off attributes are written; {@code Files::writeString} on a Pi. */
    @FunctionalInterface
    public interface AttributeWriter {
        void write(Path file, String value) throws IOException;
    }

    /** How long {@code export} may take to make the channel's files appear and writable (udev). */
    static final long EXPORT_WAIT_MILLIS = 2_000;

    private final Path channelDir;
    private final long periodNanos;
    private final AttributeWriter attributes;
    private final FileChannel dutyFile;
    private final ByteBuffer digits = ByteBuffer.allocate(24);
    private long writtenDutyNanos = -1;
    private boolean closed;

    private SysfsPwmChannel(Path channelDir, long periodNanos, AttributeWriter attributes, FileChannel dutyFile) {
        this.channelDir = channelDir;
        this.periodNanos = periodNanos;
        this.attributes = attributes;
        this.dutyFile = dutyFile;
    }

    /**
     * Exports the channel if needed, sets its period and enables it at duty 0.
     *
     * @param pwmClassDir the sysfs PWM class directory, {@code /sys/class/pwm} on a Pi (tests give a temp dir)
     * @throws IOException naming the file and a likely fix
     */
    public static SysfsPwmChannel open(Path pwmClassDir, int chip, int channel, long periodNanos,
            AttributeWriter attributes) throws IOException {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos must be positive, was " + periodNanos);
        }
        Path chipDir = pwmClassDir.resolve("pwmchip" + chip);
        if (!Files.isDirectory(chipDir)) {
            throw new IOException(chipDir + " does not exist: is the PWM overlay loaded (dtoverlay=pwm-2chan in "
                    + "/boot/firmware/config.txt, then reboot)?");
        }
        Path channelDir = chipDir.resolve("pwm" + channel);
        if (!Files.isDirectory(channelDir)) {
            write(attributes, chipDir.resolve("export"), Integer.toString(channel));
            awaitExported(channelDir);
        }
        Path duty = channelDir.resolve("duty_cycle");
        write(attributes, duty, "0");
        write(attributes, channelDir.resolve("enable"), "0");
        write(attributes, channelDir.resolve("period"), Long.toString(periodNanos));
        Path polarity = channelDir.resolve("polarity");
        if (Files.exists(polarity)) {
            write(attributes, polarity, "normal");
        }
        FileChannel dutyFile;
        try {
            dutyFile = FileChannel.open(duty, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot hold " + duty + " open for writing: " + e.getMessage() + hint(), e);
        }
        SysfsPwmChannel pwm = new SysfsPwmChannel(channelDir, periodNanos, attributes, dutyFile);
        try {
            pwm.writeDuty(0);
            write(attributes, channelDir.resolve("enable"), "1");
        } catch (IOException | UncheckedIOException e) {
            dutyFile.close();
            throw e;
        }
        return pwm;
    }

    /** What it writes to, for the log. */
    public Path channelDirectory() {
        return channelDir;
    }

    public long periodNanos() {
        return periodNanos;
    }

    /** The duty last written, in nanoseconds (0 before the first). */
    public long dutyNanos() {
        return Math.max(0, writtenDutyNanos);
    }

    /** Reads {@code duty_cycle} and {@code period} back from the kernel. */
    @Override
    public double readBack() {
        try {
            long dutyNanos = Long.parseLong(firstLine(channelDir.resolve("duty_cycle")));
            long period = Long.parseLong(firstLine(channelDir.resolve("period")));
            return period <= 0 ? Double.NaN : (double) dutyNanos / period;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String firstLine(Path file) throws IOException {
        String text = Files.readString(file);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }

    @Override
    public void duty(double fraction) {
        double clamped = Double.isNaN(fraction) ? 0.0 : Math.max(0.0, Math.min(1.0, fraction));
        writeDutyUnchecked(Math.round(clamped * periodNanos));
    }

    /** Always writes (no caching): the one path that must not be skipped. */
    @Override
    public void zero() {
        writtenDutyNanos = -1;
        writeDutyUnchecked(0);
    }

    /** Duty 0, then the channel disabled, then the file closed. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writtenDutyNanos = -1;
            writeDuty(0);
        } finally {
            try {
                write(attributes, channelDir.resolve("enable"), "0");
            } finally {
                dutyFile.close();
            }
        }
    }

    private void writeDutyUnchecked(long nanos) {
        try {
            writeDuty(nanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + channelDir.resolve("duty_cycle") + ": " + e.getMessage(), e);
        }
    }

    private void writeDuty(long nanos) throws IOException {
        if (nanos == writtenDutyNanos) {
            return;
        }
        writtenDutyNanos = -1;  // unknown until the write succeeds, so a failed write is retried
        digits.clear();
        putDecimal(digits, nanos);
        digits.put((byte) '\n');
        digits.flip();
        // One pwrite at offset 0: sysfs takes each write(2) as one whole value.
        while (digits.hasRemaining()) {
            dutyFile.write(digits, digits.position());
        }
        writtenDutyNanos = nanos;
    }

    /** The decimal digits of a non-negative value (never a leading zero: the kernel reads base 0, "010" as octal). */
    private static void putDecimal(ByteBuffer out, long value) {
        if (value == 0) {
            out.put((byte) '0');
            return;
        }
        int start = out.position();
        long v = value;
        while (v > 0) {
            out.put((byte) ('0' + (int) (v % 10)));
            v /= 10;
        }
        for (int i = start, j = out.position() - 1; i < j; i++, j--) {
            byte t = out.get(i);
            out.put(i, out.get(j));
            out.put(j, t);
        }
    }

    private static void write(AttributeWriter attributes, Path file, String value) throws IOException {
        try {
            attributes.write(file, value);
        } catch (IOException e) {
            throw new IOException("cannot write '" + value + "' to " + file + ": " + e.getMessage() + hint(), e);
        }
    }

    private static String hint() {
        return ". Is the service user in the gpio group, with the udev rule that gives the group the PWM files"
                + " (systemd/README.md)?";
    }

    private static void awaitExported(Path channelDir) throws IOException {
        long deadline = System.nanoTime() + EXPORT_WAIT_MILLIS * 1_000_000L;
        // udev chowns the new files a little after the directory appears.
        while (!(Files.isWritable(channelDir.resolve("duty_cycle")) && Files.isWritable(channelDir.resolve("enable")))) {
            if (System.nanoTime() > deadline) {
                throw new IOException(channelDir + " did not appear writable within " + EXPORT_WAIT_MILLIS
                        + " ms of the export" + hint());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + channelDir, e);
            }
        }
    }
}

package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The motor's PWM through sysfs, against a temp directory standing in for /sys/class/pwm. */
class SysfsPwmChannelTest {
    private static final long PERIOD_NS = 50_000L;  // 20 kHz

    @TempDir
    Path pwmClass;

    /** Every one-off attribute write, in order, as "file=value". */
    private final List<String> writes = new ArrayList<>();

    private SysfsPwmChannel.AttributeWriter recording() {
        return (file, value) -> {
            writes.add(pwmClass.relativize(file) + "=" + value);
            if (file.getFileName().toString().equals("export")) {
                // The kernel makes the channel's directory on export.
                Path channel = file.getParent().resolve("pwm" + value);
                Files.createDirectories(channel);
                for (String name : List.of("period", "duty_cycle", "enable", "polarity")) {
                    Files.writeString(channel.resolve(name), "0\n");
                }
            }
            Files.writeString(file, value + "\n");
        };
    }

    private Path channel(int chip, int channel) throws IOException {
        Path dir = pwmClass.resolve("pwmchip" + chip).resolve("pwm" + channel);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("period"), "1000000\n");
        Files.writeString(dir.resolve("duty_cycle"), "700000\n");   // left running by a killed process
        Files.writeString(dir.resolve("enable"), "1\n");
        Files.writeString(dir.resolve("polarity"), "normal\n");
        return dir;
    }

    /** The value the kernel would parse: the text up to the first newline. */
    private static long dutyNanos(Path dir) throws IOException {
        String text = Files.readString(dir.resolve("duty_cycle"));
        return Long.parseLong(text.substring(0, text.indexOf('\n')));
    }

    @Test
    void startStopsTheOldDutyThenWritesThePeriodOnceAndEnablesLast() throws IOException {
        channel(0, 0);
        try (SysfsPwmChannel pwm = SysfsPwmChannel.open(pwmClass, 0, 0, PERIOD_NS, recording())) {
            assertEquals(List.of(
                    "pwmchip0/pwm0/duty_cycle=0",
                    "pwmchip0/pwm0/enable=0",
                    "pwmchip0/pwm0/period=50000",
                    "pwmchip0/pwm0/polarity=normal",
                    "pwmchip0/pwm0/enable=1"), writes);
            assertEquals(0.0, pwm.readBack());
        }
    }

    @Test
    void theDutyIsWrittenInNanosecondsWithoutDisablingOrRewritingThePeriod() throws IOException {
        Path dir = channel(0, 1);
        try (SysfsPwmChannel pwm = SysfsPwmChannel.open(pwmClass, 0, 1, PERIOD_NS, recording())) {
            int attributeWritesAtStart = writes.size();
            pwm.duty(0.4235);
            assertEquals(21_175L, dutyNanos(dir));
            pwm.duty(0.00001);   // half a nanosecond of 50 us rounds to 1: a step no percent can give
            assertEquals(1L, dutyNanos(dir));
            for (int i = 0; i <= 100; i++) {
                pwm.duty(i / 100.0);
                assertEquals(Math.round(i / 100.0 * PERIOD_NS), dutyNanos(dir));
            }
            pwm.zero();
            assertEquals(0L, dutyNanos(dir));
            assertEquals(attributeWritesAtStart, writes.size(),
                    "no enable, disable or period write between duty changes: " + writes);
            assertEquals("1\n", Files.readString(dir.resolve("enable")));
            assertEquals("50000\n", Files.readString(dir.resolve("period")));
        }
    }

    @Test
    void dutyIsClampedToTheRange() throws IOException {
        Path dir = channel(0, 0);
        try (SysfsPwmChannel pwm = SysfsPwmChannel.open(pwmClass, 0, 0, PERIOD_NS, recording())) {
            pwm.duty(1.7);
            assertEquals(PERIOD_NS, dutyNanos(dir));
            pwm.duty(-0.3);
            assertEquals(0L, dutyNanos(dir));
            pwm.duty(Double.NaN);
            assertEquals(0L, dutyNanos(dir));
        }
    }

    @Test
    void closeZeroesTheDutyBeforeDisabling() throws IOException {
        Path dir = channel(0, 0);
        SysfsPwmChannel pwm = SysfsPwmChannel.open(pwmClass, 0, 0, PERIOD_NS, recording());
        pwm.duty(0.8);
        writes.clear();
        List<Long> dutyWhenDisabled = new ArrayList<>();
        SysfsPwmChannel.AttributeWriter inner = recording();
        // The duty goes through the held-open file: read it at the moment enable is written.
        SysfsPwmChannel closing = SysfsPwmChannel.open(pwmClass, 0, 0, PERIOD_NS, (file, value) -> {
            if (file.endsWith("enable") && value.equals("0")) {
                dutyWhenDisabled.add(dutyNanos(dir));
            }
            inner.write(file, value);
        });
        closing.duty(0.8);
        dutyWhenDisabled.clear();
        writes.clear();
        closing.close();
        assertEquals(List.of("pwmchip0/pwm0/enable=0"), writes);
        assertEquals(List.of(0L), dutyWhenDisabled, "the duty is 0 before the channel is disabled");
        closing.close();   // idempotent
        assertEquals(1, writes.size());
        pwm.close();
    }

    @Test
    void anUnexportedChannelIsExportedFirst() throws IOException {
        Files.createDirectories(pwmClass.resolve("pwmchip2"));
        try (SysfsPwmChannel pwm = SysfsPwmChannel.open(pwmClass, 2, 3, PERIOD_NS, recording())) {
            assertEquals("pwmchip2/export=3", writes.get(0));
            assertEquals("pwmchip2/pwm3/enable=1", writes.get(writes.size() - 1));
            pwm.duty(0.5);
            assertEquals(25_000L, dutyNanos(pwmClass.resolve("pwmchip2/pwm3")));
        }
    }

    @Test
    void aMissingChipNamesTheOverlay() {
        IOException e = assertThrows(IOException.class,
                () -> SysfsPwmChannel.open(pwmClass, 0, 0, PERIOD_NS, recording()));
        assertTrue(e.getMessage().contains("dtoverlay=pwm-2chan"), e.getMessage());
    }

    @Test
    void anUnwritableAttributeNamesTheFileAndTheFix() throws IOException {
        channel(0, 0);
        SysfsPwmChannel.AttributeWriter denied = (file, value) -> {
            throw new java.nio.file.AccessDeniedException(file.toString());
        };
        IOException e = assertThrows(IOException.class, () -> SysfsPwmChannel.open(pwmClass, 0, 0, PERIOD_NS, denied));
        assertTrue(e.getMessage().contains("duty_cycle") && e.getMessage().contains("gpio group"), e.getMessage());
    }
}

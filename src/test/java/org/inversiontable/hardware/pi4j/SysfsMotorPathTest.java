package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The motor path of {@code run} end to end: the H-bridge adapter over the sysfs PWM writer (a
 * temp directory standing in for /sys/class/pwm) and Pi4J's mock ENABLE and DIR.
 */
class SysfsMotorPathTest {
    @TempDir
    Path pwmClass;

    private static long firstNumber(Path file) throws IOException {
        // The kernel reads one value per write; a plain file keeps a longer old value's tail after it.
        String text = Files.readString(file);
        int end = text.indexOf('\n');
        return Long.parseLong(end < 0 ? text : text.substring(0, end));
    }

    @Test
    void theBridgeWritesTheDutyInNanosecondsAndTheProbeReadsItBack() throws IOException {
        Path channel = Files.createDirectories(pwmClass.resolve("pwmchip0/pwm0"));
        for (String name : new String[] {"period", "duty_cycle", "enable", "polarity"}) {
            Files.writeString(channel.resolve(name), "0\n");
        }
        PinMap pins = PinMap.from(Config.defaults());   // 20 kHz: a 50,000 ns period
        FakeI2CProvider i2c = new FakeI2CProvider().attach(pins.i2cBus(), pins.i2cAddress(), new FakeMpu6050());
        Pi4jTableHardware table = Pi4jTableHardware.create(Pi4jContexts.simulated(i2c), pins, new ManualClock(0),
                new Pi4jTableHardware.Options(20, Optional.of(new Pi4jTableHardware.SysfsPwm(pwmClass, 0, 0))));
        try {
            assertEquals(50_000L, firstNumber(channel.resolve("period")));
            assertEquals(1L, firstNumber(channel.resolve("enable")));
            assertTrue(table.probe().relayAuxWired());
            assertTrue(table.probe().providerIds().stream().noneMatch(id -> id.equals("mock-pwm")),
                    "no Pi4J PWM on the sysfs path: " + table.probe().providerIds());

            table.hardware().motor().apply(MotorCommand.drive(-0.4237), 0);
            assertEquals(21_185L, firstNumber(channel.resolve("duty_cycle")));
            assertEquals(0.4237, table.probe().motorDutyReadBack(), 1e-12);
            assertTrue(table.probe().motorEnableHigh());

            table.hardware().motor().apply(MotorCommand.OFF, 0);
            assertFalse(table.probe().motorEnableHigh());
            assertEquals(0L, firstNumber(channel.resolve("duty_cycle")));
            assertEquals(1L, firstNumber(channel.resolve("enable")), "off is duty 0, not a disabled channel");
        } finally {
            table.close();
        }
        assertEquals(0L, firstNumber(channel.resolve("enable")), "closed: the channel disabled");
        assertEquals(0L, firstNumber(channel.resolve("duty_cycle")));
    }
}

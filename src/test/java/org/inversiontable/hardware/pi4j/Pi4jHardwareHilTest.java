package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pi4j.boardinfo.util.BoardInfoHelper;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.time.SystemClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On the jig only (tag {@code hil}; excluded from the default build): the same adapters on the
 * real gpiod/linuxfs providers and a real MPU-6050, with the actuator disconnected.
 * Run with {@code mvn test -Dgroups=hil -DexcludedGroups= -Dtest=Pi4jHardwareHilTest}.
 */
@Tag("hil")
class Pi4jHardwareHilTest {
    @Test
    void realImuGivesFreshSamplesNearOneG() {
        assumeTrue(BoardInfoHelper.runningOnRaspberryPi(), "not on a Raspberry Pi: HIL test skipped");
        try (Pi4jTableHardware table = Pi4jTableHardware.create(Pi4jContexts.onPi(),
                PinMap.from(Config.defaults()), new SystemClock())) {
            SystemClock clock = new SystemClock();
            long deadline = clock.nanoTime() + 100_000_000L;
            TiltReading reading = TiltReading.NO_NEW_SAMPLE;
            while (!reading.isFresh() && clock.nanoTime() < deadline) {
                reading = table.hardware().tilt().read();
            }
            assertTrue(reading.isFresh(), "no fresh sample within 100 ms: " + reading);
            assertTrue(reading.gravityG() > 0.8 && reading.gravityG() < 1.2, "gravity " + reading.gravityG());
        }
    }

    @Test
    void inhibitHoldsTheBridgeOffOnRealPins() {
        assumeTrue(BoardInfoHelper.runningOnRaspberryPi(), "not on a Raspberry Pi: HIL test skipped");
        try (Pi4jTableHardware table = Pi4jTableHardware.create(Pi4jContexts.onPi(),
                PinMap.from(Config.defaults()), new SystemClock())) {
            var motor = table.hardware().motor();
            motor.inhibit();
            motor.apply(MotorCommand.drive(0.1), new SystemClock().nanoTime());
            assertEquals(MotorCommand.OFF, motor.output());
        }
    }
}

package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jHBridgeTest {
    private static final long MS = SimulatedTable.MS;
    private final SimulatedTable sim = new SimulatedTable();
    private final HBridge motor = sim.hw().motor();

    @AfterEach
    void shutDown() {
        sim.close();
    }

    private long now() {
        return sim.clock.nanoTime();
    }

    private int percentOnWires() {
        return sim.pwm().isOn() ? sim.pwm().getDutyCycle() : 0;
    }

    @Test
    void outputsStartOffAndLow() {
        assertFalse(sim.high(IoIds.MOTOR_ENABLE));
        assertFalse(sim.high(IoIds.MOTOR_DIR));
        assertEquals(0, sim.pwm().getDutyCycle());
        assertFalse(sim.pwm().isOn());
        assertEquals(MotorCommand.OFF, motor.output());
    }

    @Test
    void positiveDutyDrivesTowardInversion() {
        motor.apply(MotorCommand.drive(0.42), now());
        assertTrue(sim.high(IoIds.MOTOR_ENABLE));
        assertTrue(sim.high(IoIds.MOTOR_DIR));
        assertEquals(42, percentOnWires());
        assertEquals(0.42, sim.table.simulatedWiring().dutyOnWires(), 1e-12);
        assertEquals(MotorCommand.drive(0.42), motor.output());
    }

    @Test
    void negativeDutyDrivesTowardUpright() {
        motor.apply(MotorCommand.drive(-0.75), now());
        assertTrue(sim.high(IoIds.MOTOR_ENABLE));
        assertFalse(sim.high(IoIds.MOTOR_DIR));
        assertEquals(75, percentOnWires());
        assertEquals(-0.75, sim.table.simulatedWiring().dutyOnWires(), 1e-12);
    }

    @Test
    void enablingWritesDirectionAndDutyBeforeEnable() {
        List<String> seenAtEnable = new ArrayList<>();
        sim.output(IoIds.MOTOR_ENABLE).addListener(e -> seenAtEnable.add(
                e.state() + " dir=" + sim.output(IoIds.MOTOR_DIR).state() + " pwm=" + percentOnWires()));
        motor.apply(MotorCommand.drive(0.3), now());
        assertEquals(List.of("HIGH dir=HIGH pwm=30"), seenAtEnable);
    }

    @Test
    void disablingDropsEnableBeforeTheDuty() {
        motor.apply(MotorCommand.drive(0.6), now());
        List<String> seenAtDisable = new ArrayList<>();
        sim.output(IoIds.MOTOR_ENABLE).addListener(e -> seenAtDisable.add(e.state() + " pwm=" + percentOnWires()));
        motor.apply(MotorCommand.OFF, now());
        assertEquals(List.of("LOW pwm=60"), seenAtDisable, "enable must go LOW while the duty is still set");
        assertEquals(0, percentOnWires());
        assertEquals(0, sim.pwm().getDutyCycle());
    }

    @Test
    void reversalWhileEnabledDropsTheDutyBeforeTheDirectionChanges() {
        motor.apply(MotorCommand.drive(0.5), now());
        List<Integer> percentAtDirectionChange = new ArrayList<>();
        sim.output(IoIds.MOTOR_DIR).addListener(e -> percentAtDirectionChange.add(percentOnWires()));
        motor.apply(MotorCommand.drive(-0.5), now());
        assertEquals(List.of(0), percentAtDirectionChange);
        assertEquals(50, percentOnWires());
        assertFalse(sim.high(IoIds.MOTOR_DIR));
    }

    @Test
    void inhibitTurnsOffAtOnceAndSurvivesApply() {
        motor.apply(MotorCommand.drive(0.8), now());
        motor.inhibit();
        assertFalse(sim.high(IoIds.MOTOR_ENABLE));
        assertEquals(0, percentOnWires());
        assertTrue(motor.inhibited());

        // A tick computed before the e-stop arrives afterwards: it must not re-enable the motor.
        motor.apply(MotorCommand.drive(0.8), now());
        assertFalse(sim.high(IoIds.MOTOR_ENABLE));
        assertEquals(0, percentOnWires());
        assertEquals(MotorCommand.OFF, motor.output());
    }

    @Test
    void clearInhibitLetsTheNextApplyDriveAgainButDoesNotMoveByItself() {
        motor.apply(MotorCommand.drive(0.8), now());
        motor.inhibit();
        motor.clearInhibit();
        assertFalse(motor.inhibited());
        assertFalse(sim.high(IoIds.MOTOR_ENABLE), "a reset never moves the table");
        motor.apply(MotorCommand.drive(0.2), now());
        assertTrue(sim.high(IoIds.MOTOR_ENABLE));
        assertEquals(20, percentOnWires());
    }

    @Test
    void watchdogTurnsTheOutputOffAfterFiftyMsWithoutApplyAndNotBefore() {
        long start = now();
        motor.apply(MotorCommand.drive(0.5), start);
        assertFalse(motor.pollWatchdog(start + HBridge.WATCHDOG_TIMEOUT_NANOS - 1));
        assertTrue(sim.high(IoIds.MOTOR_ENABLE));
        assertEquals(50, percentOnWires());

        assertTrue(motor.pollWatchdog(start + HBridge.WATCHDOG_TIMEOUT_NANOS));
        assertFalse(sim.high(IoIds.MOTOR_ENABLE));
        assertEquals(0, percentOnWires());
        assertEquals(MotorCommand.OFF, motor.output());
        assertFalse(motor.pollWatchdog(start + 2 * HBridge.WATCHDOG_TIMEOUT_NANOS), "reports only once");
    }

    @Test
    void watchdogIsRefreshedByEveryApply() {
        long t = now();
        for (int i = 0; i < 100; i++) {
            motor.apply(MotorCommand.drive(0.5), t);
            t += 10 * MS;
            assertFalse(motor.pollWatchdog(t));
        }
        assertTrue(sim.high(IoIds.MOTOR_ENABLE));
    }

    @Test
    void sigmaDeltaMakesTheMeanDutyExactOverManyWrites() {
        Random random = new Random(20261101L);
        for (int trial = 0; trial < 50; trial++) {
            double duty = (random.nextDouble() * 2 - 1) * 0.99;
            if (Math.abs(duty) < 0.001) {
                continue;
            }
            int writes = 200 + random.nextInt(800);
            double sumPercent = 0;
            for (int i = 0; i < writes; i++) {
                motor.apply(MotorCommand.drive(duty), now());
                sumPercent += percentOnWires();
                assertEquals(duty > 0, sim.high(IoIds.MOTOR_DIR));
            }
            double meanPercent = sumPercent / writes;
            assertEquals(Math.abs(duty) * 100, meanPercent, 0.5 / writes + 1e-9, "duty " + duty);
            motor.apply(MotorCommand.OFF, now());
        }
    }

    @Test
    void aFractionalPercentIsDitheredNotLost() {
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            motor.apply(MotorCommand.drive(0.004), now());
            sum += percentOnWires();
        }
        assertEquals(400.0, sum, 0.5, "0.4 % must average 0.4 %, not round to 0");
    }

    @Test
    void inhibitFromAnotherThreadAlwaysWins() throws InterruptedException {
        Thread ticker = new Thread(() -> {
            for (int i = 0; i < 20_000; i++) {
                motor.apply(MotorCommand.drive(0.7), i);
            }
        });
        ticker.start();
        motor.inhibit();
        ticker.join();
        assertFalse(sim.high(IoIds.MOTOR_ENABLE));
        assertEquals(0, percentOnWires());
    }
}

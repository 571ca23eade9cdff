package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.plugin.raspberrypi.provider.i2c.RpiI2CProvider;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

class Pi4jTableHardwareTest {
    private static final String[] ALL_IDS = {IoIds.ESTOP, IoIds.HOME_SWITCH, IoIds.BUTTON_UP, IoIds.BUTTON_DOWN,
            IoIds.BUTTON_HOME, IoIds.BUTTON_PRESET, IoIds.BUTTON_STOP, IoIds.MOTOR_DIR, IoIds.MOTOR_ENABLE,
            IoIds.MOTOR_PWM, IoIds.LED, IoIds.BUZZER, IoIds.WATCHDOG, IoIds.IMU};

    @Test
    void createsEveryIoWithItsIdAndEveryOutputStartsLow() {
        try (SimulatedTable sim = new SimulatedTable()) {
            for (String id : ALL_IDS) {
                assertTrue(sim.ctx.registry().exists(id), id);
            }
            for (String id : new String[] {IoIds.MOTOR_DIR, IoIds.MOTOR_ENABLE, IoIds.LED, IoIds.BUZZER,
                    IoIds.WATCHDOG}) {
                assertFalse(sim.high(id), id);
            }
            assertEquals(0x68, sim.table.imuWhoAmI());
        }
    }

    @Test
    void closeAppliesTheShutdownStates() {
        SimulatedTable sim = new SimulatedTable();
        sim.hw().motor().apply(MotorCommand.drive(0.5), sim.clock.nanoTime());
        sim.hw().indicators().set(true, true);
        sim.hw().heartbeat().toggle();
        // The registry is emptied by the shutdown: keep the handles.
        DigitalOutput enable = sim.output(IoIds.MOTOR_ENABLE);
        DigitalOutput led = sim.output(IoIds.LED);
        DigitalOutput buzzer = sim.output(IoIds.BUZZER);
        DigitalOutput watchdog = sim.output(IoIds.WATCHDOG);
        Pwm pwm = sim.pwm();
        assertTrue(led.isHigh() && buzzer.isHigh() && watchdog.isHigh() && enable.isHigh());
        sim.close();
        assertTrue(sim.ctx.isShutdown());
        assertTrue(enable.isLow());
        assertFalse(pwm.isOn(), "the PWM must be off after the shutdown");
        assertTrue(led.isLow());
        assertTrue(buzzer.isLow());
        assertTrue(watchdog.isLow());
        sim.close();  // idempotent
    }

    @Test
    void aFailingImuInitShutsTheContextDown() {
        FakeMpu6050 chip = new FakeMpu6050();
        chip.setWhoAmI(0x00);
        Context ctx = Pi4jContexts.simulated(new FakeI2CProvider().attach(1, 0x68, chip));
        PinMap pins = PinMap.from(Config.defaults());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Pi4jTableHardware.create(ctx, pins, new ManualClock(0)));
        assertTrue(e.getMessage().contains("WHO_AM_I"), e.getMessage());
        assertTrue(ctx.isShutdown(), "a failed start must not leave Pi4J running");
    }

    @Test
    void anImuThatDoesNotAnswerAtStartReadsAsMissingUntilItAnswers() {
        FakeMpu6050 chip = new FakeMpu6050();
        chip.setDisconnected(true);
        Context ctx = Pi4jContexts.simulated(new FakeI2CProvider().attach(1, 0x68, chip));
        Pi4jTableHardware table = Pi4jTableHardware.create(ctx, PinMap.from(Config.defaults()), new ManualClock(0));
        try {
            assertEquals(TiltReading.Status.BUS_ERROR, table.hardware().tilt().read().status());
            chip.setDisconnected(false);
            chip.setAccelerationG(0.0, 0.0, 1.0);
            TiltReading reading = table.hardware().tilt().read();
            assertEquals(TiltReading.Status.FRESH, reading.status(), "set up on the first read after it answers");
            assertEquals(0.0, reading.angleDeg(), 0.05);
        } finally {
            table.close();
        }
    }

    @Test
    void refusesToRunOnTheNoOpProviders() {
        Context ctx = Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance(), RpiI2CProvider.newInstance())
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Pi4jTableHardware.create(ctx, PinMap.from(Config.defaults()), new ManualClock(0)));
        assertTrue(e.getMessage().contains("raspberrypi-i2c"), e.getMessage());
        assertTrue(ctx.isShutdown());
    }

    @Test
    void heartbeatFlipsTheWatchdogLineOnEveryToggle() {
        try (SimulatedTable sim = new SimulatedTable()) {
            boolean before = sim.high(IoIds.WATCHDOG);
            for (int i = 1; i <= 6; i++) {
                sim.hw().heartbeat().toggle();
                assertEquals(before ^ (i % 2 == 1), sim.high(IoIds.WATCHDOG), "toggle " + i);
            }
        }
    }

    @Test
    void indicatorsDriveTheLedAndBuzzerIndependently() {
        try (SimulatedTable sim = new SimulatedTable()) {
            sim.hw().indicators().set(true, false);
            assertTrue(sim.high(IoIds.LED));
            assertFalse(sim.high(IoIds.BUZZER));
            sim.hw().indicators().set(false, true);
            assertFalse(sim.high(IoIds.LED));
            assertTrue(sim.high(IoIds.BUZZER));
        }
    }

    @Test
    void simulatedWiringSpeaksTheTablesConventions() {
        try (SimulatedTable sim = new SimulatedTable()) {
            SimulatedWiring wires = sim.table.simulatedWiring();
            wires.setEstopOpen(true);
            assertEquals(DigitalState.HIGH, sim.input(IoIds.ESTOP).state());
            wires.setHomeSwitchOpen(true);
            assertEquals(DigitalState.HIGH, sim.input(IoIds.HOME_SWITCH).state());
            wires.setButtonPressed(Button.DOWN, true);
            assertEquals(DigitalState.LOW, sim.input(IoIds.BUTTON_DOWN).state());
            wires.idle(false);
            for (Button b : Button.values()) {
                assertEquals(DigitalState.HIGH, sim.input(IoIds.button(b)).state(), b.name());
            }
            sim.hw().motor().apply(MotorCommand.drive(-0.25), sim.clock.nanoTime());
            assertTrue(wires.motorEnabled());
            assertFalse(wires.motorTowardInversion());
            assertEquals(25, wires.pwmPercent());
            assertEquals(-0.25, wires.dutyOnWires(), 1e-12);
        }
    }

    @Test
    void readsTheImuThroughTheTable() {
        try (SimulatedTable sim = new SimulatedTable()) {
            double[] g = sim.pins.imu().accelerationG(-65);
            sim.chip.setAccelerationG(g[0], g[1], g[2]);
            assertEquals(-65, sim.hw().tilt().read().angleDeg(), 0.05);
        }
    }
}

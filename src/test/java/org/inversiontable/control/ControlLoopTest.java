package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ControlPanel;
import org.inversiontable.hardware.Heartbeat;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.safety.RecordingHBridge;
import org.inversiontable.time.ManualClock;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.junit.jupiter.api.Test;

/**
 * One control tick as the ports see it: the WATCHDOG line, the LED and buzzer (hardware/README),
 * the e-stop's own event path, and the tick's record. The table stands still behind fake ports;
 * the whole controller and supervisor run behind the loop, as {@link ControllerAssembly} builds them.
 */
class ControlLoopTest {
    private static final long PERIOD = ControlLoop.PERIOD_NANOS;

    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final RecordingHBridge motor = new RecordingHBridge();
    private final List<Runnable> estopListeners = new ArrayList<>();
    private TiltReading tilt = TiltReading.fresh(-65.0, 1.0);
    private boolean estop;
    private boolean atHome = true;
    private int buttons;
    private boolean plant;
    private boolean led;
    private boolean buzzer;
    private int heartbeatToggles;
    private ControlLoop loop;

    private final ControlPanel panel = new ControlPanel() {
        @Override
        public PanelReading read() {
            return new PanelReading(estop, atHome, buttons);
        }

        @Override
        public void onEstopOpened(Runnable action) {
            estopListeners.add(action);
        }
    };

    private ControlLoop loop() {
        if (loop == null) {
            loop = ControllerAssembly.build(Config.defaults(),
                    new TableHardware(() -> tilt, panel, motor, (l, b) -> {
                        led = l;
                        buzzer = b;
                    }, new CountingHeartbeat()), clock);
        }
        return loop;
    }

    private TickRecord tick() {
        clock.advanceNanos(PERIOD);
        TickRecord r = loop().tick();
        if (plant) {
            // A plain actuator: 10 deg/s at full duty, only while the H-bridge drives it.
            double angle = tilt.angleDeg() + (motor.output().enabled() ? motor.output().duty() * 10.0 * PERIOD / 1e9 : 0.0);
            tilt = TiltReading.fresh(angle, 1.0);
            atHome = angle <= -64.0;
        }
        return r;
    }

    /** Holds DOWN from home until the table is inverted past {@code angleDeg}, then releases it. */
    private void driveDownPast(double angleDeg) {
        plant = true;
        for (int i = 0; i < 100; i++) {
            tick();
        }
        buttons = Button.DOWN.bit();
        for (int i = 0; i < 6000 && tilt.angleDeg() < angleDeg; i++) {
            tick();
        }
        assertTrue(tilt.angleDeg() >= angleDeg, "holding DOWN did not invert the table: " + tilt.angleDeg());
        buttons = 0;
        for (int i = 0; i < 300; i++) {
            tick();
        }
    }

    /** Runs the loop for the given seconds; returns how many of those ticks had the buzzer on. */
    private int ticksWithBuzzer(double seconds) {
        int on = 0;
        for (int i = 0; i < Math.round(seconds * 1e9 / PERIOD); i++) {
            tick();
            on += buzzer ? 1 : 0;
        }
        return on;
    }

    @Test
    void theHeartbeatTogglesOnEveryHealthyTick() {
        for (int i = 1; i <= 300; i++) {
            tick();
            assertEquals(i, heartbeatToggles, "tick " + i);
        }
    }

    @Test
    void aTickRecordsWhatItSawAndWhen() {
        tilt = TiltReading.fresh(-64.5, 1.0);
        TickRecord r = tick();
        assertEquals(clock.nanoTime(), r.timeNanos());
        assertEquals(-64.5, r.angleMeasDeg(), 0.0);
        assertTrue(r.homeSwitch());
        assertFalse(r.estop());
        assertNull(r.fault());
        assertFalse(r.applied().enabled(), "nothing was pressed: nothing moves");
    }

    @Test
    void theLoopTellsTheTimeOfItsOwnClock() {
        tick();
        assertEquals(clock.nanoTime(), loop.nowNanos(), "the time of the loop's clock: the rest rule between sessions reads it");
    }

    @Test
    void theEstopEventCutsTheMotorWithoutWaitingForATick() {
        loop();
        assertEquals(1, estopListeners.size(), "the loop registers the gate with the e-stop's event");
        estopListeners.get(0).run();
        assertTrue(motor.inhibited());
        assertFalse(loop.gate().output().enabled(), "the gate shows the cut");
    }

    @Test
    void anEstopAtHomeBlinksFastAndBeepsOnceWithoutTheAlarm() {
        for (int i = 0; i < 100; i++) {
            tick();
        }
        assertTrue(led, "steady when ready");
        estop = true;
        TickRecord first = tick();
        assertTrue(first.estop());
        assertEquals(TableEvent.ESTOP, first.event());
        assertEquals(TableState.ESTOP, first.state());
        // The one long beep of the event, then silence: nobody is inverted.
        assertEquals(100, 1 + ticksWithBuzzer(0.99));
        assertEquals(0, ticksWithBuzzer(5.0), "an alarm with nobody inverted");
        int ledOn = 0;
        for (int i = 0; i < 100; i++) {
            tick();
            ledOn += led ? 1 : 0;
        }
        assertTrue(ledOn > 20 && ledOn < 80, "the LED blinks: on " + ledOn + " of 100 ticks");
    }

    @Test
    void flatIsNotInvertedAnEstopThereSoundsNoAlarm() {
        tilt = TiltReading.fresh(0.0, 1.0);
        atHome = false;
        estop = true;
        ticksWithBuzzer(2.0);
        assertEquals(0, ticksWithBuzzer(5.0));
    }

    @Test
    void anEstopWithSomeoneInvertedSoundsTheAlarmUntilReset() {
        tilt = TiltReading.fresh(20.0, 1.0);
        atHome = false;
        estop = true;
        ticksWithBuzzer(2.0);
        int on = ticksWithBuzzer(5.0);
        assertTrue(on > 150 && on < 350, "the alarm beeps on and off: on " + on + " of 500 ticks");
    }

    @Test
    void holdingInvertedIsSilentAnEstopThereSoundsTheAlarm() {
        driveDownPast(10.0);
        assertEquals(0, ticksWithBuzzer(5.0), "an alarm while someone hangs inverted at rest, all well");
        assertTrue(led, "steady when ready");
        estop = true;
        ticksWithBuzzer(2.0);
        int on = ticksWithBuzzer(5.0);
        assertTrue(on > 150 && on < 350, "the alarm beeps on and off: on " + on + " of 500 ticks");
    }

    @Test
    void aFaultThatLeavesTheAngleUnknownSoundsTheAlarmEvenAtHome() {
        for (int i = 0; i < 100; i++) {
            tick();
        }
        tilt = TiltReading.BUS_ERROR;
        TickRecord r = null;
        for (int i = 0; i < 100 && (r == null || r.fault() == null); i++) {
            r = tick();
        }
        assertNotNull(r.fault(), "a dead IMU is a fault");
        assertEquals(TableEvent.FAULT, r.event(), "the fault is announced");
        assertEquals(TableState.FAULT, r.state());
        ticksWithBuzzer(2.0);
        int on = ticksWithBuzzer(5.0);
        assertTrue(on > 150 && on < 350, "the alarm beeps on and off: on " + on + " of 500 ticks");
        assertTrue(r.fault().imuFault(), r.fault().code());
    }

    @Test
    void aFaultThatCutsMotorPowerStopsTheHeartbeat() {
        for (int i = 0; i < 100; i++) {
            tick();
        }
        // The drive is off and the table moves by itself: only the relay can stop it (SPEC §4).
        int togglesBefore = heartbeatToggles;
        TickRecord r = null;
        double angle = -65.0;
        for (int i = 0; i < 100 && (r == null || r.fault() == null); i++) {
            angle += 0.1;
            tilt = TiltReading.fresh(angle, 1.0);
            atHome = angle < -63.0;
            r = tick();
            togglesBefore = r.fault() == null ? heartbeatToggles : togglesBefore;
        }
        assertEquals(FaultCode.MOTION_UNCOMMANDED, r.fault());
        for (int i = 0; i < 50; i++) {
            tick();
        }
        assertEquals(togglesBefore, heartbeatToggles, "the heartbeat went on after the fault");
    }

    @Test
    void aStuckButtonIsReportedInTheRecordWithoutAMotorFault() {
        for (int i = 0; i < 100; i++) {
            tick();
        }
        buttons = Button.STOP.bit();
        TickRecord r = null;
        for (int i = 0; i < 125 * 100; i++) {
            r = tick();
        }
        assertEquals(FaultCode.BUTTON_STUCK, r.fault());
        assertTrue(loop.supervisor().healthy(), "a stuck button alone does not disable the motor");
    }

    /** Counts the toggles and keeps the level, as the Pi4J line does. */
    private final class CountingHeartbeat implements Heartbeat {
        private boolean high;

        @Override
        public void toggle() {
            high = !high;
            heartbeatToggles++;
        }

        @Override
        public boolean high() {
            return high;
        }
    }
}

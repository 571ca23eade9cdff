package org.inversiontable.safety;

import org.inversiontable.hardware.TickInputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.config.Config;
import org.inversiontable.hardware.TickInputs;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TiltReading;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4: {@link SafetySupervisor#healthy()} (the heartbeat) is false, latched until a reset,
 * once the drive has moved by itself (while disabled, against the command, too fast), even behind
 * a fault latched first; it stays true after the other faults.
 */
class SupervisorHeartbeatTest {
    private static final long PERIOD = 10_000_000L;
    private static final long T0 = 3_000_000_000L;

    private final RecordingHBridge bridge = new RecordingHBridge();
    private final SafetySupervisor supervisor =
            new SafetySupervisor(SafetySettings.from(Config.defaults(), PERIOD), new MotorGate(bridge, new TroubleReports()), T0);
    private long now = T0;
    private long ticks;
    private double angle = 10.0;
    private int buttons;
    private SafetyView view;

    private MotorCommand tick(MotorCommand wanted) {
        // A dither of 0.001 deg keeps the frozen-sensor check quiet.
        TickInputs in = new TickInputs(now, TiltReading.fresh(angle + (ticks % 2 == 0 ? 0.001 : -0.001), 1.0),
                new PanelReading(false, false, buttons));
        view = supervisor.assess(in);
        MotorCommand applied = supervisor.gate(in, wanted);
        now += PERIOD;
        ticks++;
        return applied;
    }

    private void idle(int n) {
        for (int i = 0; i < n; i++) {
            tick(MotorCommand.OFF);
        }
    }

    private void bootAndPress() {
        idle(30);
        buttons = Button.HOME.bit();
        idle(3);
        buttons = 0;
        idle(3);
    }

    private void holdStopToReset() {
        buttons = Button.STOP.bit();
        idle(201);
        buttons = 0;
        idle(1);
    }

    @Test
    void tableMovingWithTheDriveOffStopsTheHeartbeatUntilAReset() {
        bootAndPress();
        assertTrue(supervisor.healthy());
        for (int i = 0; i < 30; i++) {
            angle += 0.1;                       // 10 deg/s with the H-bridge disabled
            tick(MotorCommand.OFF);
        }
        assertEquals(FaultCode.MOTION_UNCOMMANDED, view.fault());
        assertFalse(supervisor.healthy(), "heartbeat healthy with the drive moving by itself");
        idle(100);
        assertFalse(supervisor.healthy(), "the heartbeat came back by itself");
        holdStopToReset();
        assertEquals(null, view.fault());
        assertTrue(supervisor.healthy(), "no heartbeat after the reset");
    }

    @Test
    void overspeedUnderADriveOfTheRightSignStopsTheHeartbeat() {
        // Below horizontal: a boot inverted with no journal allows only moves toward upright (SPEC §7).
        angle = -30.0;
        bootAndPress();
        MotorCommand deeper = MotorCommand.drive(0.5);
        for (int i = 0; i < 200 && view.fault() == null; i++) {
            angle += 0.1;                       // 10 deg/s against a 5 deg/s limit
            tick(deeper);
        }
        assertEquals(FaultCode.OVERSPEED, view.fault());
        assertFalse(supervisor.healthy());
        assertFalse(tick(deeper).enabled(), "drove after overspeed");
    }

    @Test
    void aDriveMovingByItselfBehindAnEarlierFaultStillStopsTheHeartbeat() {
        bootAndPress();
        now += 4 * PERIOD;                      // a loop overrun that passed: latched first
        idle(1);
        assertEquals(FaultCode.LOOP_OVERRUN, view.fault());
        idle(20);
        assertTrue(supervisor.healthy(), "a loop overrun that passed stopped the heartbeat");
        for (int i = 0; i < 30; i++) {
            angle += 0.1;
            tick(MotorCommand.OFF);
        }
        assertEquals(FaultCode.LOOP_OVERRUN, view.fault(), "the first cause is kept");
        assertFalse(supervisor.healthy(), "heartbeat healthy with the drive moving by itself behind an overrun");
    }

    @Test
    void noiseAtRestKeepsTheHeartbeatGoing() {
        bootAndPress();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 60_000; i++) {
            angle = 10.0 + 0.3 * random.nextGaussian();
            tick(MotorCommand.OFF);
        }
        assertEquals(null, view.fault());
        assertTrue(supervisor.healthy());
    }
}

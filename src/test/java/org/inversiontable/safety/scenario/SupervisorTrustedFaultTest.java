package org.inversiontable.safety.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import java.util.Map;
import org.inversiontable.hardware.TickInputs;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.motion.MotionLimits;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.SafetySettings;
import org.inversiontable.safety.RecordingHBridge;
import org.inversiontable.safety.MotorGate;
import org.inversiontable.safety.SafetySupervisor;
import org.inversiontable.safety.TroubleReports;
import org.inversiontable.safety.SafetyView;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3: the automatic return runs in every state except ESTOP and the untrusted faults. A loop
 * overrun leaves the angle and the drive trusted, and cannot be injected by a scenario, so the
 * supervisor is driven here with hand-built tick inputs and a recording H-bridge.
 */
class SupervisorTrustedFaultTest {
    private static final long PERIOD = 10_000_000L;
    private static final double ANGLE_DEG = 25;

    private final RecordingHBridge bridge = new RecordingHBridge();
    private final SafetySupervisor supervisor = new SafetySupervisor(SafetySettings.from(
            Config.defaults().with(Map.of(ConfigKey.MAX_INVERTED_S, "30", ConfigKey.V_RETURN_DEG_S, "3",
                    ConfigKey.A_MAX_DEG_S2, "3", ConfigKey.J_MAX_DEG_S3, "6")), PERIOD), new MotorGate(bridge, new TroubleReports()), 0);
    private long now;

    private SafetyView tick(TiltReading tilt, int buttons, MotorCommand wanted) {
        TickInputs in = new TickInputs(now, tilt, new PanelReading(false, false, buttons));
        SafetyView view = supervisor.assess(in);
        supervisor.gate(in, wanted);
        now += PERIOD;
        return view;
    }

    /** Boot inverted at 25 deg, one DOWN click (a press since boot), the given fault, then wait for the return. */
    private SafetyView untilReturnDue(Runnable fault) {
        for (int i = 0; i < 20; i++) {
            tick(TiltReading.fresh(ANGLE_DEG, 1.0), i >= 10 && i < 15 ? Button.DOWN.bit() : 0, MotorCommand.OFF);
        }
        fault.run();
        SafetyView view = null;
        for (int i = 0; i < 2_000; i++) {
            view = tick(TiltReading.fresh(ANGLE_DEG, 1.0), 0, MotorCommand.OFF);
            if (view.returnActive()) {
                return view;
            }
        }
        return view;
    }

    private void overrun() {
        now += 4 * PERIOD;
        SafetyView view = tick(TiltReading.fresh(ANGLE_DEG, 1.0), 0, MotorCommand.OFF);
        assertEquals(FaultCode.LOOP_OVERRUN, view.fault(), "no overrun latched");
    }

    @Test
    void theAutomaticReturnRunsAfterALoopOverrun() {
        SafetyView view = untilReturnDue(this::overrun);
        assertEquals(FaultCode.LOOP_OVERRUN, view.fault());
        assertTrue(view.returnActive(), "no automatic return with a loop overrun latched; inverted " + view.invertedS());
        assertEquals(org.inversiontable.safety.TableEvent.AUTO_RETURN, view.event());
        tick(TiltReading.fresh(ANGLE_DEG, 1.0), 0, MotorCommand.drive(-0.4));
        assertEquals(MotorCommand.drive(-0.4), bridge.output(), "the return was not let through to the motor");
        tick(TiltReading.fresh(ANGLE_DEG, 1.0), Button.DOWN.bit(), MotorCommand.drive(0.4));
        assertFalse(bridge.output().enabled(), "a drive deeper passed during the return: " + bridge.output());
        // SPEC §4: after a loop overrun that passed the heartbeat goes on, or the relay would cut
        // the very return that runs here.
        assertTrue(supervisor.healthy(), "the heartbeat stopped after a loop overrun that passed");
    }

    @Test
    void noAutomaticReturnAfterAnImuFault() {
        SafetyView view = untilReturnDue(() -> {
            for (int i = 0; i < 12; i++) {
                tick(TiltReading.NO_NEW_SAMPLE, 0, MotorCommand.OFF);
            }
        });
        assertEquals(FaultCode.IMU_STALE, view.fault());
        assertFalse(view.returnActive(), "automatic return on an untrusted angle");
        tick(TiltReading.fresh(ANGLE_DEG, 1.0), 0, MotorCommand.drive(-0.4));
        assertFalse(bridge.output().enabled(), "drove after an IMU fault without UP held: " + bridge.output());
    }

    /**
     * A stall on the way up (a boot inverted allows no drive deeper, SPEC §7) leaves the angle
     * trusted (the IMU reads well) but not the drive: no automatic return
     * either (SPEC §3). The held angle dithers by a thousandth of a degree, as a real sensor's
     * reading does, so that it is the stall that latches and not the frozen-sensor check.
     */
    @Test
    void noAutomaticReturnAfterAStallThoughTheAngleIsTrusted() {
        SafetyView view = untilReturnDue(() -> {
            for (int i = 0; i < 150; i++) {
                tick(TiltReading.fresh(ANGLE_DEG + (i % 2 == 0 ? 0.001 : -0.001), 1.0), 0, MotorCommand.drive(-0.4));
            }
        });
        assertEquals(FaultCode.MOTION_STALL, view.fault());
        assertTrue(view.angleTrusted(), "the stall's test needs a trusted angle");
        assertFalse(view.returnActive(), "automatic return on a drive that did not follow its command");
    }
}

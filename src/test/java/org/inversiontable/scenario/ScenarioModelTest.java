package org.inversiontable.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inversiontable.control.TableState;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.ImuFault;
import org.junit.jupiter.api.Test;

class ScenarioModelTest {
    private static String rejection(Runnable make) {
        return assertThrows(IllegalArgumentException.class, make::run).getMessage();
    }

    @Test
    void aStartStateOutsideItsBoundsIsRejectedByFieldName() {
        assertTrue(rejection(() -> new StartState(95, 80, 1, 0.3, 0.2)).startsWith("angleDeg"));
        assertTrue(rejection(() -> new StartState(-65, 10, 1, 0.3, 0.2)).startsWith("userKg"));
        assertTrue(rejection(() -> new StartState(-65, 80, 1, Double.NaN, 0.2)).startsWith("imuNoiseDeg"));
        assertTrue(rejection(() -> new StartState(-65, 80, 1, 0.3, 6)).startsWith("imuBiasDeg"));
    }

    @Test
    void anImuFaultParameterMustFitItsKind() {
        assertTrue(rejection(() -> new ImuFaultAction(ImuFault.NOISE, 0)).contains("noise sigma"));
        assertTrue(rejection(() -> new ImuFaultAction(ImuFault.SPIKE, 0)).contains("spike offset"));
        assertTrue(rejection(() -> new ImuFaultAction(ImuFault.STALE, 2)).contains("must be 0 for STALE"));
        assertEquals("fault imu spike -3.0", new ImuFaultAction(ImuFault.SPIKE, -3).describe());
    }

    @Test
    void aScenarioRejectsUnsortedActionsAndAnythingAfterTheRun() {
        TimedAction late = new TimedAction(2_000_000_000L, 1, new ButtonAction(Button.UP, true));
        TimedAction early = new TimedAction(1_000_000_000L, 2, new ButtonAction(Button.UP, false));
        Path f = Path.of("x.scn");
        StartState s = StartState.defaults();
        assertTrue(rejection(() -> new Scenario(f, Map.of(), s, List.of(late, early), 3_000_000_000L, List.of()))
                .contains("sorted"));
        assertTrue(rejection(() -> new Scenario(f, Map.of(), s, List.of(late), 1_000_000_000L, List.of()))
                .contains("after runUntilNanos"));
        assertTrue(rejection(() -> new Scenario(f, Map.of(), s, List.of(), 1_000_000_000L,
                List.of(new StateAt(TableState.IDLE, 1_000_000_001L, 3)))).contains("after runUntilNanos"));
    }

    @Test
    void expectationsRejectImpossibleValues() {
        assertTrue(rejection(() -> new AngleAt(10, -1, 0, 1)).startsWith("tolDeg"));
        assertTrue(rejection(() -> new MaxAngleAtMost(Double.NaN, 1)).startsWith("deg"));
        assertTrue(rejection(() -> new MaxInvertedAtMost(-1, 1)).startsWith("seconds"));
        assertTrue(rejection(() -> new StateAt(TableState.IDLE, -1, 1)).startsWith("atNanos"));
        assertTrue(rejection(() -> new StateAt(TableState.IDLE, 0, 0)).startsWith("line"));
    }
}

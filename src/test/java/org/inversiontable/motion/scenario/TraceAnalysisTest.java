package org.inversiontable.motion.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;

/** The measuring helper itself, on made-up traces whose figures are known exactly. */
class TraceAnalysisTest {
    private static List<TraceRow> rows(double durationS, DoubleUnaryOperator angleAt, String state, boolean enabled) {
        List<TraceRow> out = new ArrayList<>();
        for (int i = 0; i * 0.01 <= durationS + 1e-9; i++) {
            double t = i * 0.01;
            out.add(new TraceRow(t, state, angleAt.applyAsDouble(t), Double.NaN, 0, enabled, 0, false, false, null, null, false, 70.0, 900.0, null));
        }
        return out;
    }

    @Test
    void constantSpeedReadsExactlyWithNoAcceleration() {
        TraceAnalysis a = TraceAnalysis.of(rows(5, t -> -65 + 4 * t, "MOVING", true));
        assertEquals(4.0, a.maxSpeedTowardInversion().value(), 1e-9);
        assertEquals(0.0, a.maxSpeedTowardUpright().value(), 1e-9);
        assertEquals(0.0, a.maxAbsAcceleration().value(), 1e-9);
    }

    @Test
    void constantAccelerationReadsExactly() {
        TraceAnalysis a = TraceAnalysis.of(rows(2, t -> -10 - 1.5 * t * t, "MOVING", true));
        assertEquals(3.0, a.maxAbsAcceleration().value(), 1e-9);
        assertEquals(3.0 * 1.975, a.maxSpeedTowardUpright().value(), 1e-9, "centred 50 ms window ends at 2.0 s");
    }

    @Test
    void aCutFromCruiseReadsFarAboveAnyLimitButACreepStopDoesNot() {
        TraceAnalysis cut = TraceAnalysis.of(rows(4, t -> t < 2 ? 5 * t : 10, "MOVING", true));
        assertTrue(cut.maxAbsAcceleration().value() > 50, cut.figures());
        TraceAnalysis creep = TraceAnalysis.of(rows(4, t -> t < 2 ? 0.9 * t : 1.8, "MOVING", true));
        assertEquals(0.0, creep.maxAbsAcceleration().value(), 1e-9, creep.figures());
        assertThrows(AssertionError.class, () -> cut.assertWithinLimits("cut", 5, 3, 3));
    }

    @Test
    void overshootIsMeasuredInTheDirectionOfTravelOnly() {
        TraceAnalysis down = TraceAnalysis.of(rows(4, t -> t < 1 ? -65 : Math.min(20.4, -65 + 100 * (t - 1)), "MOVING", true));
        assertEquals(0.4, down.overshootDeg(20, 1), 1e-9);
        TraceAnalysis up = TraceAnalysis.of(rows(4, t -> t < 1 ? 30 : Math.max(19.7, 30 - 20 * (t - 1)), "MOVING", true));
        assertEquals(0.3, up.overshootDeg(20, 1), 1e-9);
        assertEquals(0.3, up.settleErrorDeg(20, 3, 4), 1e-9);
    }

    @Test
    void statesAndEnabledIntervalsAreFoundAndEnablingAtRestIsReported() {
        List<TraceRow> r = new ArrayList<>(rows(1, t -> 0, "IDLE", false));
        r.addAll(rows(1, t -> 0, "MOVING", true).stream()
                .map(x -> new TraceRow(x.tS() + 1.01, x.state(), 0, 0, 0, true, 0, false, false, null, null, false, 70.0, 900.0, null)).toList());
        r.add(new TraceRow(2.02, "HOLDING", 0, 0, 0, true, 0, false, false, null, null, false, 70.0, 900.0, null));
        TraceAnalysis a = TraceAnalysis.of(r);
        assertEquals(List.of("IDLE", "MOVING", "HOLDING"), a.stateIntervals().stream().map(TraceAnalysis.StateInterval::state).toList());
        assertEquals(1, a.enabledIntervals().size());
        assertEquals(1, a.enabledOutsideMoves().size());
        assertEquals(1.01, a.firstEnabled().tS(), 1e-9);
    }
}

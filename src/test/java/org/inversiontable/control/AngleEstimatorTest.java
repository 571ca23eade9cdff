package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.motion.ActuatorCurve;
import org.junit.jupiter.api.Test;

/**
 * The angle the position loop closes on: predicted from what the gate applied, through the
 * actuator's curve and lag, corrected by the samples; so the sensor noise does not reach the motor,
 * a table the gate stopped is not imagined moving, and a tick without a sample goes on with the
 * prediction, never with a stale or zero angle.
 */
class AngleEstimatorTest {
    private static final double DT_S = 0.01;
    private static final double LAG_S = 0.12;
    private static final ActuatorCurve CURVE = new ActuatorCurve(10.0, 0.04);

    private final AngleEstimator estimator = new AngleEstimator(CURVE, LAG_S);

    @Test
    void thereIsNoAngleBeforeTheFirstSample() {
        assertFalse(estimator.hasEstimate());
        estimator.update(Double.NaN, MotorCommand.drive(0.5), 0.0, DT_S);
        assertFalse(estimator.hasEstimate(), "a missing first sample made up an angle");
    }

    @Test
    void theFirstSampleIsTakenAsItIs() {
        estimator.update(-65.0, MotorCommand.drive(0.5), 0.0, DT_S);
        assertTrue(estimator.hasEstimate());
        assertEquals(-65.0, estimator.angleDeg(), 0.0);
        assertEquals(0.0, estimator.speedDegPerS(), 0.0, "the table starts still");
    }

    @Test
    void aDriveHeldLongReachesTheCurvesSpeedLessTheLoad() {
        estimator.update(0.0, MotorCommand.OFF, 0.0, DT_S);
        for (int i = 0; i < 300; i++) {
            estimator.update(Double.NaN, MotorCommand.drive(0.54), 0.1, DT_S);
        }
        assertEquals(CURVE.speedFor(0.44), estimator.speedDegPerS(), 1e-6, "3 s is 25 lags: at the steady speed");
        assertTrue(estimator.angleDeg() > 0.0, "the prediction moved the table toward inversion");
    }

    @Test
    void theSpeedFollowsTheActuatorLagNotAStep() {
        estimator.update(0.0, MotorCommand.OFF, 0.0, DT_S);
        estimator.update(Double.NaN, MotorCommand.drive(-0.52), 0.0, 0.12);
        double steady = -CURVE.speedFor(0.52);
        assertEquals(steady * (1.0 - Math.exp(-1.0)), estimator.speedDegPerS(), 1e-9, "one lag: 63 % of the way");
    }

    @Test
    void aTableTheGateStoppedIsNotImaginedMoving() {
        estimator.update(10.0, MotorCommand.drive(0.5), 0.0, DT_S);
        for (int i = 0; i < 100; i++) {
            estimator.update(Double.NaN, MotorCommand.drive(0.5), 0.0, DT_S);
        }
        double cutAtDeg = estimator.angleDeg();
        for (int i = 0; i < 100; i++) {
            estimator.update(Double.NaN, MotorCommand.OFF, 0.0, DT_S);
        }
        // The self-locking screw stops within its 20 ms brake lag: a few hundredths of a degree.
        assertEquals(cutAtDeg, estimator.angleDeg(), 0.1);
        assertEquals(0.0, estimator.speedDegPerS(), 1e-9);
    }

    @Test
    void aDutyWithinStaticFrictionMovesNothing() {
        estimator.update(5.0, MotorCommand.OFF, 0.0, DT_S);
        for (int i = 0; i < 100; i++) {
            estimator.update(Double.NaN, MotorCommand.drive(0.03), 0.0, DT_S);
        }
        assertEquals(5.0, estimator.angleDeg(), 1e-12);
    }

    @Test
    void aMovingTableIsFollowedWithoutLag() {
        // Samples that agree with the model's motion leave nothing to correct.
        AngleEstimator model = new AngleEstimator(CURVE, LAG_S);
        estimator.update(-65.0, MotorCommand.OFF, 0.0, DT_S);
        model.update(-65.0, MotorCommand.OFF, 0.0, DT_S);
        for (int i = 0; i < 500; i++) {
            model.update(Double.NaN, MotorCommand.drive(0.5), 0.0, DT_S);
            estimator.update(model.angleDeg(), MotorCommand.drive(0.5), 0.0, DT_S);
            assertEquals(model.angleDeg(), estimator.angleDeg(), 1e-9, "tick " + i);
        }
    }

    @Test
    void aSingleOutlyingSampleMovesTheEstimateOnlyALittle() {
        estimator.update(20.0, MotorCommand.OFF, 0.0, DT_S);
        estimator.update(21.0, MotorCommand.OFF, 0.0, DT_S);
        double movedDeg = estimator.angleDeg() - 20.0;
        assertEquals(0.05, movedDeg, 1e-12, "a 1 deg outlier moves the estimate by the sample gain");
    }

    @Test
    void theEstimateSettlesOnANewAngleWithinASecond() {
        estimator.update(20.0, MotorCommand.OFF, 0.0, DT_S);
        for (int i = 0; i < 100; i++) {
            estimator.update(21.0, MotorCommand.OFF, 0.0, DT_S);
        }
        assertEquals(21.0, estimator.angleDeg(), 0.01);
        assertTrue(estimator.angleDeg() < 21.0, "approaches from where it was, never overshoots");
    }

    @Test
    void sensorNoiseIsTakenOutOfTheAngle() {
        Random random = new Random(3);
        estimator.update(30.0, MotorCommand.OFF, 0.0, DT_S);
        double worstDeg = 0.0;
        for (int i = 0; i < 2000; i++) {
            estimator.update(30.0 + 0.3 * random.nextGaussian(), MotorCommand.OFF, 0.0, DT_S);
            if (i > 100) {
                worstDeg = Math.max(worstDeg, Math.abs(estimator.angleDeg() - 30.0));
            }
        }
        assertTrue(worstDeg < 0.3, "0.3 deg sensor noise left " + worstDeg + " deg in the estimate");
    }

    @Test
    void aResetStartsAgainFromTheNextSample() {
        estimator.update(20.0, MotorCommand.drive(0.5), 0.0, DT_S);
        estimator.update(Double.NaN, MotorCommand.drive(0.5), 0.0, DT_S);
        estimator.reset();
        assertFalse(estimator.hasEstimate());
        assertEquals(0.0, estimator.speedDegPerS(), 0.0);
        estimator.update(-10.0, MotorCommand.OFF, 0.0, DT_S);
        assertEquals(-10.0, estimator.angleDeg(), 0.0);
    }

    @Test
    void aZeroLengthTickMovesNothing() {
        estimator.update(7.0, MotorCommand.OFF, 0.0, DT_S);
        estimator.update(Double.NaN, MotorCommand.drive(0.9), 0.0, 0.0);
        assertEquals(7.0, estimator.angleDeg(), 0.0);
    }
}

package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The angle the position loop closes on: the samples averaged against the reference's motion, so
 * the sensor noise does not reach the motor, without lagging a moving table; a tick without a
 * sample goes on with the prediction, never with a stale or zero angle.
 */
class AngleEstimatorTest {
    private static final double DT_S = 0.01;

    private final AngleEstimator estimator = new AngleEstimator();

    @Test
    void thereIsNoAngleBeforeTheFirstSample() {
        assertFalse(estimator.hasEstimate());
        estimator.update(Double.NaN, 5.0, DT_S);
        assertFalse(estimator.hasEstimate(), "a missing first sample made up an angle");
    }

    @Test
    void theFirstSampleIsTakenAsItIs() {
        estimator.update(-65.0, 5.0, DT_S);
        assertTrue(estimator.hasEstimate());
        assertEquals(-65.0, estimator.angleDeg(), 0.0);
    }

    @Test
    void aTickWithoutASampleGoesOnWithThePrediction() {
        estimator.update(10.0, 0.0, DT_S);
        estimator.update(Double.NaN, 5.0, DT_S);
        assertEquals(10.05, estimator.angleDeg(), 1e-12);
        estimator.update(Double.NaN, -2.0, 0.5);
        assertEquals(9.05, estimator.angleDeg(), 1e-12);
    }

    @Test
    void aMovingTableIsFollowedWithoutLag() {
        // Samples that agree with the predicted motion leave nothing to correct.
        double angle = -65.0;
        estimator.update(angle, 4.0, DT_S);
        for (int i = 0; i < 500; i++) {
            angle += 4.0 * DT_S;
            estimator.update(angle, 4.0, DT_S);
            assertEquals(angle, estimator.angleDeg(), 1e-9, "tick " + i);
        }
    }

    @Test
    void aSingleOutlyingSampleMovesTheEstimateOnlyALittle() {
        estimator.update(20.0, 0.0, DT_S);
        estimator.update(21.0, 0.0, DT_S);
        double movedDeg = estimator.angleDeg() - 20.0;
        assertTrue(movedDeg > 0.0 && movedDeg <= 0.1, "a 1 deg outlier moved the estimate by " + movedDeg);
    }

    @Test
    void theEstimateSettlesOnANewAngleWithinASecond() {
        estimator.update(20.0, 0.0, DT_S);
        for (int i = 0; i < 100; i++) {
            estimator.update(21.0, 0.0, DT_S);
        }
        assertEquals(21.0, estimator.angleDeg(), 0.01);
        assertTrue(estimator.angleDeg() < 21.0, "approaches from where it was, never overshoots");
    }

    @Test
    void sensorNoiseIsTakenOutOfTheAngle() {
        Random random = new Random(3);
        estimator.update(30.0, 0.0, DT_S);
        double worstDeg = 0.0;
        for (int i = 0; i < 2000; i++) {
            estimator.update(30.0 + 0.3 * random.nextGaussian(), 0.0, DT_S);
            if (i > 100) {
                worstDeg = Math.max(worstDeg, Math.abs(estimator.angleDeg() - 30.0));
            }
        }
        assertTrue(worstDeg < 0.3, "0.3 deg sensor noise left " + worstDeg + " deg in the estimate");
    }

    @Test
    void aResetStartsAgainFromTheNextSample() {
        estimator.update(20.0, 0.0, DT_S);
        estimator.reset();
        assertFalse(estimator.hasEstimate());
        estimator.update(-10.0, 0.0, DT_S);
        assertEquals(-10.0, estimator.angleDeg(), 0.0);
    }
}

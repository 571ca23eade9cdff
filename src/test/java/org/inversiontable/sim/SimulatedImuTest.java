package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedImuTest {
    private static final long MS = 1_000_000L;
    private static final TableParameters DEFAULTS = TableParameters.defaults();
    private static final TableParameters PERFECT_IMU = DEFAULTS.withImu(0.0, 0.0, 0.0);

    /** Steps 1 ms at a time and collects every new sample's angle. */
    private static List<Double> newSamples(SimulatedTable table, int steps, double duty) {
        List<Double> angles = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            table.step(MS, duty, duty != 0.0);
            ImuOutput out = table.imuOutput();
            if (out.newSample()) {
                angles.add(out.angleDeg());
            }
        }
        return angles;
    }

    private static double stdDev(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sumSq = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(sumSq / (values.size() - 1));
    }

    @Test
    void samplesArriveAt200HzOnMultiplesOfTheSamplePeriod() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        long firstSequence = table.imuOutput().sequence();
        int fresh = 0;
        for (int i = 1; i <= 1000; i++) {
            table.step(MS, 0.0, false);
            ImuOutput out = table.imuOutput();
            assertEquals(i % 5 == 0, out.newSample(), "step " + i);
            if (out.newSample()) {
                fresh++;
                assertEquals(i * MS, out.sampleTimeNanos());
            }
        }
        assertEquals(200, fresh);
        assertEquals(firstSequence + 200, table.imuOutput().sequence());
    }

    @Test
    void aLongStepProducesEverySampleItSpans() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        long before = table.imuOutput().sequence();
        table.step(23 * MS, 0.0, false);
        assertEquals(before + 4, table.imuOutput().sequence());
        assertEquals(20 * MS, table.imuOutput().sampleTimeNanos());
    }

    @Test
    void aPerfectSensorReadsTheTrueAngleWhileMoving() {
        SimulatedTable table = new SimulatedTable(PERFECT_IMU, -30.0, 80.0, 1L);
        for (int i = 0; i < 3000; i++) {
            table.step(MS, 0.8, true);
            if (table.imuOutput().newSample()) {
                assertEquals(table.angleTrueDeg(), table.imuOutput().angleDeg(), 1e-12);
                assertEquals(1.0, table.imuOutput().gravityG());
            }
        }
    }

    @Test
    void theBiasOffsetsEveryReading() {
        SimulatedTable table = new SimulatedTable(DEFAULTS.withImu(0.0, 0.2, 0.0), 10.0, 80.0, 1L);
        for (double angle : newSamples(table, 100, 0.0)) {
            assertEquals(10.2, angle, 1e-12);
        }
        SimulatedTable noisy = new SimulatedTable(DEFAULTS, 10.0, 80.0, 1L);
        double mean = newSamples(noisy, 20_000, 0.0).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(10.2, mean, 0.02);
    }

    @Test
    void theDefaultNoiseHasTheConfiguredSigma() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 3L);
        assertEquals(0.3, stdDev(newSamples(table, 50_000, 0.0)), 0.03);
    }

    @Test
    void aNoiseFaultAddsGaussianNoiseOfTheGivenSigma() {
        SimulatedTable table = new SimulatedTable(PERFECT_IMU, 0.0, 80.0, 3L);
        table.injectImu(ImuFault.NOISE, 2.0);
        assertEquals(2.0, stdDev(newSamples(table, 50_000, 0.0)), 0.2);
        table.clear(FaultGroup.IMU);
        assertEquals(0.0, stdDev(newSamples(table, 1000, 0.0)));
    }

    @Test
    void aSpikeHitsExactlyTheNextSample() {
        SimulatedTable table = new SimulatedTable(PERFECT_IMU, 0.0, 80.0, 1L);
        newSamples(table, 7, 0.0);
        table.injectImu(ImuFault.SPIKE, 25.0);
        List<Double> angles = newSamples(table, 100, 0.0);
        assertEquals(25.0, angles.get(0));
        assertEquals(20, angles.size());
        angles.subList(1, angles.size()).forEach(angle -> assertEquals(0.0, angle));
    }

    @Test
    void staleStopsNewSamplesButKeepsTheSensorAnswering() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        newSamples(table, 12, 0.0);
        ImuOutput last = table.imuOutput();
        table.injectImu(ImuFault.STALE, 0.0);
        assertTrue(newSamples(table, 1000, 0.3).isEmpty());
        ImuOutput now = table.imuOutput();
        assertTrue(now.connected());
        assertEquals(last.sequence(), now.sequence());
        assertEquals(last.angleDeg(), now.angleDeg());
        table.clear(FaultGroup.IMU);
        assertEquals(200, newSamples(table, 1000, 0.0).size());
    }

    @Test
    void disconnectMakesTheSensorStopAnsweringUntilCleared() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        table.injectImu(ImuFault.DISCONNECT, 0.0);
        for (int i = 0; i < 100; i++) {
            table.step(MS, 0.0, false);
            ImuOutput out = table.imuOutput();
            assertFalse(out.connected());
            assertFalse(out.newSample());
            assertTrue(Double.isNaN(out.angleDeg()));
        }
        table.clear(FaultGroup.IMU);
        assertTrue(table.imuOutput().connected());
        assertEquals(20, newSamples(table, 100, 0.0).size());
    }

    @Test
    void stuckFreezesTheReadingButStillFlagsNewSamples() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -30.0, 80.0, 1L);
        newSamples(table, 10, 0.0);
        double frozen = table.imuOutput().angleDeg();
        table.injectImu(ImuFault.STUCK, 0.0);
        List<Double> angles = newSamples(table, 2000, 1.0);
        assertEquals(400, angles.size());
        angles.forEach(angle -> assertEquals(frozen, angle));
        assertTrue(table.angleTrueDeg() > -20.0, "the table moved while the reading stayed put");
        table.clear(FaultGroup.IMU);
        List<Double> after = newSamples(table, 10, 0.0);
        assertEquals(table.angleTrueDeg() + 0.2, after.get(after.size() - 1), 1.5);
    }

    @Test
    void gravityMagnitudeIsOneGPlusALittleNoise() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 5L);
        for (int i = 0; i < 5000; i++) {
            table.step(MS, 0.0, false);
            double g = table.imuOutput().gravityG();
            assertTrue(Math.abs(g - 1.0) < 0.03, "gravity " + g);
        }
    }

    @Test
    void impossibleFaultParametersAreRejected() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        assertThrows(IllegalArgumentException.class, () -> table.injectImu(ImuFault.NOISE, -1.0));
        assertThrows(IllegalArgumentException.class, () -> table.injectImu(ImuFault.SPIKE, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> table.injectImu(null, 0.0));
    }

    @Test
    void theGyroMeasuresTheTrueRatePlusItsOffset() {
        SimulatedTable table = new SimulatedTable(DEFAULTS.withGyro(2.0, 0.0), -30.0, 80.0, 3L);
        for (int i = 0; i < 3000; i++) {
            double before = table.angleTrueDeg();
            table.step(MS, 0.6, true);
            double trueRate = (table.angleTrueDeg() - before) / 1e-3;
            if (table.imuOutput().newSample()) {
                assertEquals(trueRate + 2.0, table.imuOutput().rateDegPerS(), 1e-9);
            }
        }
        assertTrue(table.speedDegPerS() > 3.0, "the table moved");
    }

    @Test
    void theDefaultsKeepTodaysNoiseAndBiasAndHaveNoJolts() {
        assertEquals(0.3, DEFAULTS.imuNoiseDeg());
        assertEquals(0.2, DEFAULTS.imuBiasDeg());
        assertEquals(0.0, DEFAULTS.imuJoltG());
        SimulatedTable table = new SimulatedTable(DEFAULTS, 10.0, 80.0, 1L);
        for (int i = 0; i < 20_000; i++) {
            table.step(MS, 0.0, false);
            assertEquals(0.0, table.imuOutput().alongG());
        }
    }

    @Test
    void joltsComeAtTheirIntervalForTheirDuration() {
        SimulatedTable table = new SimulatedTable(DEFAULTS.withJolts(0.2, 0.1, 1.0), 10.0, 80.0, 1L);
        int joltSamples = 0;
        for (int i = 0; i < 4999; i++) {
            table.step(MS, 0.0, false);
            ImuOutput out = table.imuOutput();
            if (out.newSample()) {
                boolean inJolt = out.sampleTimeNanos() % 1_000_000_000L < 100_000_000L
                        && out.sampleTimeNanos() >= 1_000_000_000L;
                assertEquals(inJolt ? 0.2 : 0.0, out.alongG(), "at " + out.sampleTimeNanos());
                joltSamples += inJolt ? 1 : 0;
            }
        }
        assertEquals(4 * 20, joltSamples, "four jolts of 20 samples before 5 s");
    }

    @Test
    void aStuckImuFreezesItsGyroToo() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        for (int i = 0; i < 500; i++) {
            table.step(MS, 0.6, true);
        }
        table.injectImu(ImuFault.STUCK, 0.0);
        double frozen = table.imuOutput().rateDegPerS();
        for (int i = 0; i < 500; i++) {
            table.step(MS, i < 250 ? 0.6 : 0.0, i < 250);
            assertEquals(frozen, table.imuOutput().rateDegPerS());
        }
    }
}

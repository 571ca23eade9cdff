package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableParametersTest {
    private static TableParameters with(double minDeg, double maxDeg, double homeDeg, double deadband, long periodNanos) {
        return new TableParameters(10.0, 0.12, 0.02, deadband, 600.0, 0.004, 0.014, 0.12, 0.04,
                minDeg, maxDeg, homeDeg, 0.5, 0.3, 0.2, 0.005, periodNanos);
    }

    @Test
    void defaultsMatchTheDocumentedTable() {
        TableParameters p = TableParameters.defaults();
        assertEquals(10.0, p.noLoadSpeedDegPerS());
        assertEquals(-70.0, p.minAngleDeg());
        assertEquals(90.0, p.maxAngleDeg());
        assertEquals(-65.0, p.homeDeg());
        assertEquals(5_000_000L, p.imuSamplePeriodNanos());
    }

    @Test
    void impossibleValuesAreRejectedWithTheFieldName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(10.0, -10.0, 0.0, 0.04, 5_000_000L));
        assertTrue(e.getMessage().contains("minAngleDeg"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> with(-70.0, 90.0, -75.0, 0.04, 5_000_000L));
        assertTrue(e.getMessage().contains("homeDeg"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> with(-70.0, 90.0, -65.0, 0.9, 5_000_000L));
        assertTrue(e.getMessage().contains("deadbandDuty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> with(-70.0, 90.0, -65.0, 0.04, 0L));
        assertTrue(e.getMessage().contains("imuSamplePeriodNanos"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TableParameters.defaults().withImu(Double.NaN, 0.0, 0.0));
        assertTrue(e.getMessage().contains("imuNoiseDeg"), e.getMessage());
    }

    @Test
    void aScrewThatTheLoadCouldBackDriveIsRejected() {
        // Tr16x4 steel on bronze, well oiled (mu 0.05): lead angle 5.2 deg above the friction angle.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TableParameters(
                10.0, 0.12, 0.02, 0.04, 600.0, 0.004, 0.014, 0.05, 0.04,
                -70.0, 90.0, -65.0, 0.5, 0.3, 0.2, 0.005, 5_000_000L));
        assertTrue(e.getMessage().contains("self-locking"), e.getMessage());
    }

    @Test
    void theDefaultScrewLowersWithAboutASixthOfTheTorqueItTakesToRaise() {
        // Shigley eqs. 8-1, 8-2 with mu' = 0.12 / cos 15 deg, L = 4 mm, d = 14 mm.
        double mu = 0.12 / Math.cos(Math.toRadians(15.0));
        double pd = Math.PI * 0.014;
        double expected = ((mu * pd - 0.004) / (pd + mu * 0.004)) / ((mu * pd + 0.004) / (pd - mu * 0.004));
        assertEquals(expected, TableParameters.defaults().lowerToRaiseTorqueRatio(), 1e-12);
        assertEquals(0.15, expected, 0.01);
    }
}

package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.control.TableState;
import org.junit.jupiter.api.Test;

class SimulatorPanelViewTest {
    private final FakeSimulatorControls fake = new FakeSimulatorControls();

    @Test
    void anglesAreSignedSoHeadDownCannotBeReadAsHeadUp() {
        fake.angleDeg = 30;
        fake.measOffsetDeg = -0.25;
        PanelView v = PanelView.of(fake.status());
        assertEquals("+29.8\u00b0", v.angleMeasText());
        assertEquals("true +30.0\u00b0", v.angleTrueText());
        fake.angleDeg = -65;
        assertEquals("true -65.0\u00b0", PanelView.of(fake.status()).angleTrueText());
    }

    @Test
    void aMissingSampleReadsAsMissingNotAsZero() {
        fake.measMissing = true;
        assertEquals("no sample", PanelView.of(fake.status()).angleMeasText());
    }

    @Test
    void theBudgetBarIsGreenThenAmberThenRedAsTheReturnNears() {
        fake.limitInvertedS = 180;
        fake.invertedS = 90;
        PanelView half = PanelView.of(fake.status());
        assertEquals(0.5, half.budgetLeftFraction(), 1e-9);
        assertEquals(Palette.OK, half.budgetColor());
        assertEquals("1:30 of 3:00", half.invertedText());
        assertEquals("1:30 left", half.budgetText());
        fake.invertedS = 150;
        assertEquals(Palette.WARNING, PanelView.of(fake.status()).budgetColor());
        fake.invertedS = 175;
        assertEquals(Palette.DANGER, PanelView.of(fake.status()).budgetColor());
        fake.invertedS = 200;
        assertEquals("0:00 left", PanelView.of(fake.status()).budgetText());
    }

    @Test
    void aFaultIsRedAndSaysWhatItMeans() {
        fake.faultCode = "imu_stale";
        fake.forcedState = TableState.FAULT;
        PanelView v = PanelView.of(fake.status());
        assertEquals(PanelView.Severity.FAULT, v.severity());
        assertEquals("imu_stale: no fresh IMU sample for 100 ms", v.faultText());
        assertEquals(Palette.DANGER, v.stateColor());
    }

    @Test
    void anUnknownFaultCodeIsShownAsItCame() {
        assertEquals("new_code", PanelView.faultText("new_code"));
    }

    @Test
    void aMessageWithTheBuzzerIsAWarningAndWithoutItJustNews() {
        fake.message = "automatic return in 60 s";
        assertEquals(PanelView.Severity.INFO, PanelView.of(fake.status()).severity());
        fake.buzzer = true;
        assertEquals(PanelView.Severity.WARNING, PanelView.of(fake.status()).severity());
        fake.buzzer = false;
        fake.message = "Warning: button_stuck";
        assertEquals(PanelView.Severity.WARNING, PanelView.of(fake.status()).severity());
    }

    @Test
    void thePressedEstopSaysHowToReleaseIt() {
        fake.estop = true;
        PanelView v = PanelView.of(fake.status());
        assertTrue(v.estopPressed());
        assertEquals("PRESSED \u2014 click to release", v.estopText());
        assertEquals(PanelView.Severity.FAULT, v.severity());
    }

    @Test
    void minutesNeverShowANegativeOrNaNTime() {
        assertEquals("0:00", PanelView.minutes(-3));
        assertEquals("0:00", PanelView.minutes(Double.NaN));
        assertEquals("15:00", PanelView.minutes(900));
    }
}

package org.inversiontable.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command to the H-bridge is a checked value; only a reusable drive is refilled, and only as a drive. */
class MotorCommandTest {
    @Test
    void aCommandOutsideTheDutyRangeOrADisabledOneWithADutyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MotorCommand(1.01, true));
        assertThrows(IllegalArgumentException.class, () -> new MotorCommand(-1.01, true));
        assertThrows(IllegalArgumentException.class, () -> new MotorCommand(Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> new MotorCommand(0.1, false));
        assertEquals(1.0, new MotorCommand(1.0, true).duty());
        assertEquals(-1.0, new MotorCommand(-1.0, true).duty());
    }

    @Test
    void aDriveIsClampedToTheDutyRangeButNotANumberIsRefused() {
        assertEquals(MotorCommand.drive(1.0), MotorCommand.drive(1.7));
        assertEquals(MotorCommand.drive(-1.0), MotorCommand.drive(-3.0));
        assertTrue(MotorCommand.drive(0.3).enabled());
        assertThrows(IllegalArgumentException.class, () -> MotorCommand.drive(Double.NaN));
    }

    @Test
    void aReusableDriveIsRefilledInPlaceClampedAndChecked() {
        MotorCommand reusable = MotorCommand.reusableDrive();
        assertEquals(new MotorCommand(0.0, true), reusable, "a fresh reusable drive holds at duty 0");
        assertSame(reusable, reusable.refillDrive(0.4));
        assertEquals(MotorCommand.drive(0.4), reusable);
        assertEquals(MotorCommand.drive(1.0), reusable.refillDrive(2.0));
        assertEquals(MotorCommand.drive(-1.0), reusable.refillDrive(-2.0));
        assertThrows(IllegalArgumentException.class, () -> reusable.refillDrive(Double.NaN));
        assertEquals(MotorCommand.drive(-1.0), reusable, "a refused refill changed the command");
    }

    @Test
    void aValueIsNeverRefilledAndItsCopyIsItself() {
        MotorCommand value = MotorCommand.drive(0.2);
        assertThrows(IllegalStateException.class, () -> value.refillDrive(0.3));
        assertThrows(IllegalStateException.class, () -> MotorCommand.OFF.refillDrive(0.3));
        assertSame(value, value.copy());
    }

    @Test
    void aCopyOfAReusableDriveKeepsItsValueWhenTheDriveIsRefilled() {
        MotorCommand reusable = MotorCommand.reusableDrive().refillDrive(0.25);
        MotorCommand copy = reusable.copy();
        assertNotSame(reusable, copy);
        reusable.refillDrive(-0.5);
        assertEquals(MotorCommand.drive(0.25), copy);
        assertThrows(IllegalStateException.class, () -> copy.refillDrive(0.1), "a copy is a value");
    }

    @Test
    void equalValuesAreEqualWhateverTheInstanceAndTheirTextSaysWhatTheyAre() {
        MotorCommand reusable = MotorCommand.reusableDrive().refillDrive(0.25);
        assertEquals(MotorCommand.drive(0.25), reusable);
        assertEquals(MotorCommand.drive(0.25).hashCode(), reusable.hashCode());
        assertNotEquals(MotorCommand.drive(0.25), MotorCommand.drive(0.26));
        assertNotEquals(MotorCommand.drive(0.25).hashCode(), MotorCommand.drive(0.26).hashCode());
        assertNotEquals(new MotorCommand(0.0, true), MotorCommand.OFF, "held at zero is not off");
        assertNotEquals(new MotorCommand(0.0, true).hashCode(), MotorCommand.OFF.hashCode());
        assertNotEquals(MotorCommand.OFF, "off");
        assertEquals("MotorCommand[duty=0.25, enabled=true]", reusable.toString());
    }
}

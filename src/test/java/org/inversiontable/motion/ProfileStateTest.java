package org.inversiontable.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProfileStateTest {
    @Test
    void aReusableStateTakesNewValuesCheckedAsAValueIs() {
        ProfileState s = ProfileState.reusable();
        assertEquals(ProfileState.restingAt(0.0), s);
        assertSame(s, s.refill(1.0, 2.0, 3.0));
        assertEquals(new ProfileState(1.0, 2.0, 3.0), s);
        assertThrows(IllegalArgumentException.class, () -> s.refill(Double.NaN, 0.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> s.refill(0.0, Double.POSITIVE_INFINITY, 0.0));
        assertThrows(IllegalArgumentException.class, () -> s.refill(0.0, 0.0, Double.NaN));
    }

    @Test
    void aValueNeverChanges() {
        ProfileState value = new ProfileState(1.0, 2.0, 3.0);
        assertThrows(IllegalStateException.class, () -> value.refill(4.0, 5.0, 6.0));
        assertThrows(IllegalStateException.class, () -> ProfileState.restingAt(4.0).refill(4.0, 0.0, 0.0));
        assertEquals(new ProfileState(1.0, 2.0, 3.0), value);
    }

    @Test
    void aCopyKeepsTheValuesWhateverTheReusableStateTakesNext() {
        ProfileState s = ProfileState.reusable().refill(1.0, 2.0, 3.0);
        ProfileState copy = s.copy();
        assertNotSame(s, copy);
        s.refill(4.0, 5.0, 6.0);
        assertEquals(new ProfileState(1.0, 2.0, 3.0), copy);
        assertThrows(IllegalStateException.class, () -> copy.refill(0.0, 0.0, 0.0));
    }

    @Test
    void statesAreEqualOnlyWhenEveryValueIs() {
        ProfileState s = new ProfileState(1.0, 2.0, 3.0);
        assertEquals(s.hashCode(), new ProfileState(1.0, 2.0, 3.0).hashCode());
        assertNotEquals(s, new ProfileState(1.5, 2.0, 3.0));
        assertNotEquals(s, new ProfileState(1.0, 2.5, 3.0));
        assertNotEquals(s, new ProfileState(1.0, 2.0, 3.5));
        assertNotEquals(s, "not a state");
        assertEquals("ProfileState[positionDeg=1.0, velocityDegPerS=2.0, accelerationDegPerS2=3.0]", s.toString());
    }

    @Test
    void statesThatDifferInAnyOneValueHashApart() {
        ProfileState s = new ProfileState(1.0, 2.0, 3.0);
        assertNotEquals(s.hashCode(), new ProfileState(1.5, 2.0, 3.0).hashCode());
        assertNotEquals(s.hashCode(), new ProfileState(1.0, 2.5, 3.0).hashCode());
        assertNotEquals(s.hashCode(), new ProfileState(1.0, 2.0, 3.5).hashCode());
        // A record's spread of its three components, so that states in a hash set do not collide.
        assertEquals((Double.hashCode(1.0) * 31 + Double.hashCode(2.0)) * 31 + Double.hashCode(3.0), s.hashCode());
    }
}

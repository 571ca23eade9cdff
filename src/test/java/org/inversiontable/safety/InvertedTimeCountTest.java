package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SPEC §3: how the inverted time and the time still owed for the return are counted at flat. */
class InvertedTimeCountTest {
    private static final long T = 5_000_000_000L;
    private static final long TICK = 10_000_000L;

    @Test
    void theTickInWhichTheTableCameBackToFlatCountsWhole() {
        InvertedTimeBudget budget = new InvertedTimeBudget(180, -65, a -> 10, T);
        budget.update(T + TICK, 5.0, false);
        budget.update(T + 2 * TICK, -1.0, false);
        assertEquals(0.02, budget.invertedS(), 1e-9, "the crossing tick was not counted: rather too much than too little");
        budget.update(T + 3 * TICK, -1.0, false);
        assertEquals(0.02, budget.invertedS(), 1e-9, "time below flat counted");
    }

    @Test
    void atFlatOrBelowNoReturnTimeIsOwed() {
        InvertedTimeBudget budget = new InvertedTimeBudget(180, -65, a -> 50, T);
        budget.update(T + TICK, 5.0, false);
        assertEquals(180 - 0.01 - 50 - 1, budget.secondsUntilReturnStart(), 1e-9, "inverted: the return time is owed");
        budget.update(T + 2 * TICK, 0.0, false);
        assertEquals(180 - 0.02 - 1, budget.secondsUntilReturnStart(), 1e-9, "at 0 deg a return time was still owed");
        budget.update(T + 3 * TICK, -20.0, false);
        assertEquals(180 - 0.02 - 1, budget.secondsUntilReturnStart(), 1e-9);
        assertEquals(180 - 0.02, budget.remainingS(), 1e-9);
    }

    @Test
    void restingAtTheEdgeOfTheHomeBandEndsTheSession() {
        InvertedTimeBudget budget = new InvertedTimeBudget(180, -65, a -> 10, T);
        long t = T;
        budget.update(t += TICK, 10.0, false);
        for (int i = 0; i < 6001; i++) {
            budget.update(t += TICK, -63.0, true);   // home + 2 deg, the switch open
        }
        assertEquals(false, budget.sessionActive(), "60 s at home + 2 deg did not end the session");
        assertEquals(0.0, budget.invertedS());
    }
}

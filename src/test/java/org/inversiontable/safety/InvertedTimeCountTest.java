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

    @Test
    void theWarningsAndTheReturnComeOnTheTickTheirTimeIsReached() {
        // Exact binary arithmetic: 0.25 s ticks, return time 3 s, margin 1 s: the return is due
        // when 96 s are spent, the warnings at 36 s and 86 s.
        long quarter = 250_000_000L;
        InvertedTimeBudget budget = new InvertedTimeBudget(100, -65, a -> 3.0, T);
        java.util.Map<InvertedTimeBudget.Event, Double> at = new java.util.EnumMap<>(InvertedTimeBudget.Event.class);
        long t = T;
        for (int i = 0; i < 400; i++) {
            for (InvertedTimeBudget.Event e : budget.update(t += quarter, 10.0, false)) {
                at.put(e, budget.invertedS());
            }
        }
        assertEquals(36.0, at.get(InvertedTimeBudget.Event.WARNING_60_S), "60 s warning");
        assertEquals(86.0, at.get(InvertedTimeBudget.Event.WARNING_10_S), "10 s warning");
        assertEquals(96.0, at.get(InvertedTimeBudget.Event.RETURN_REQUIRED), "return required");
    }
}

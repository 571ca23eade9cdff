package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.Button;
import org.junit.jupiter.api.Test;

/**
 * The e-stop on the wires (SPEC §4, §11; hazard H5): opening the normally-closed contact, or cutting
 * its wire, takes ENABLE low on the input's own event, and the stop stays latched while DOWN is
 * held. The latency from the contact's edge to ENABLE low is measured over N trials and printed;
 * on a real Pi it is judged against {@link TimingPolicy#ESTOP_TO_ENABLE_LOW_P99_NANOS}.
 */
abstract class EstopContract extends JigContract {
    static final String TRIALS_PROPERTY = "hil.trials";
    /** Any jig: slower than this and the stop waited for something it must not (a tick, a debounce). */
    static final Duration ESTOP_CUT_TIMEOUT = Duration.ofMillis(50);

    @Test
    void anOpenedEstopContactTakesEnableLowAtOnceEveryTime() {
        bootAtHome();
        int trials = Integer.getInteger(TRIALS_PROPERTY, 20);
        long[] latencies = new long[trials];
        for (int i = 0; i < trials; i++) {
            pressDownUntilDriving();
            latencies[i] = openAndTimeEnableLow(EstopContact.OPEN, "trial " + (i + 1));
            assertTheEventCut("trial " + (i + 1));
            assertEnableStaysLow(Duration.ofMillis(200), "the e-stop must stay latched while DOWN is still held");
            jig.setButtonPressed(Button.DOWN, false);
            jig.setEstop(EstopContact.CLOSED);
            resetByHoldingStop();
        }
        LatencyReport report = LatencyReport.of("estop_to_enable_low", latencies);
        TimingPolicy timing = TimingPolicy.forJig(jig);
        System.out.println(report.line() + " on " + jig.name() + "; " + timing.describe()
                + ", bound p99_us < " + TimingPolicy.ESTOP_TO_ENABLE_LOW_P99_NANOS / 1000);
        if (timing.judged()) {
            assertTrue(report.p99Nanos() < TimingPolicy.ESTOP_TO_ENABLE_LOW_P99_NANOS, report.line()
                    + ": the e-stop's path to ENABLE is too slow (is an input debounce set on the e-stop?)");
        }
    }

    @Test
    void aBrokenEstopWireStopsTheDriveAndNothingMovesUntilAReset() {
        bootAtHome();
        pressDownUntilDriving();
        openAndTimeEnableLow(EstopContact.WIRE_BROKEN, "wire cut");
        assertTrue(table.runUntil(() -> stateIs(TableState.ESTOP), Duration.ofMillis(100)),
                "a cut e-stop wire did not latch ESTOP; last tick: " + table.lastTick());
        jig.setButtonPressed(Button.DOWN, false);

        jig.setEstop(EstopContact.CLOSED);
        jig.setButtonPressed(Button.DOWN, true);
        assertEnableStaysLow(Duration.ofMillis(300), "a closed contact alone must not clear the e-stop (SPEC §4)");
        jig.setButtonPressed(Button.DOWN, false);
        assertEquals(TableState.ESTOP, table.lastTick().state(), "the e-stop must stay latched until STOP is held");

        resetByHoldingStop();
        pressDownUntilDriving();
    }

    /**
     * The cut came from the e-stop input's own event (the gate reported it to the next tick), not
     * from the next tick's read of the level, which would be up to a period late (SPEC §11).
     */
    private void assertTheEventCut(String what) {
        boolean[] reported = {false};
        table.runUntil(() -> {
            TickRecord last = table.lastTick();
            reported[0] |= last != null && last.estopReported();
            return reported[0];
        }, Duration.ofMillis(100));
        assertTrue(reported[0], what + ": ENABLE fell, but no tick took the e-stop event's report: the tick's read of"
                + " the level cut the drive, not the input's event; last tick: " + table.lastTick());
    }

    /**
     * Opens the contact the given way while driving; returns the nanoseconds, on the machine's own
     * clock (not the table's, which an emulated Pi scales), from the contact's edge until ENABLE read LOW.
     */
    private long openAndTimeEnableLow(EstopContact how, String what) {
        long start = System.nanoTime();
        jig.setEstop(how);
        boolean low = table.runUntil(() -> !jig.enableHigh(), ESTOP_CUT_TIMEOUT);
        long latency = System.nanoTime() - start;
        assertTrue(low, what + ": ENABLE still HIGH " + ESTOP_CUT_TIMEOUT.toMillis() + " ms after the e-stop went "
                + how + "; last tick: " + table.lastTick());
        return latency;
    }
}

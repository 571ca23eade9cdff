package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.inversiontable.hardware.HBridge;
import org.inversiontable.sim.WatchdogRelay;
import org.junit.jupiter.api.Test;

/**
 * The WATCHDOG line and the relay it holds (SPEC §4, §6; hazard H6): it toggles every healthy tick;
 * when the control loop hangs it stops, the H-bridge's own 50 ms watchdog takes ENABLE low, and the
 * external relay drops motor power.
 */
abstract class HeartbeatContract extends JigContract {
    /** The loop's 100 Hz: 50 edges in half a second; fewer than 40 is a loop that skips ticks. */
    static final int MIN_EDGES_IN_HALF_A_SECOND = 40;
    static final int MAX_EDGES_IN_HALF_A_SECOND = 60;
    /** The H-bridge's watchdog, plus its 5 ms poll, plus a tick of slack for a real Pi's scheduler. */
    static final Duration BRIDGE_WATCHDOG_CUT_TIMEOUT =
            Duration.ofNanos(HBridge.WATCHDOG_TIMEOUT_NANOS).plusMillis(20);
    /** The relay's drop time, with the same slack. */
    static final Duration RELAY_DROP_TIMEOUT = Duration.ofNanos(WatchdogRelay.DROP_NANOS).plusMillis(50);

    @Test
    void theWatchdogLineTogglesEveryTickWhileHealthy() {
        bootAtHome();
        int edges = countEdges(Duration.ofMillis(500));
        assertTrue(edges >= MIN_EDGES_IN_HALF_A_SECOND && edges <= MAX_EDGES_IN_HALF_A_SECOND,
                "the WATCHDOG line changed " + edges + " times in 500 ms; a healthy 100 Hz loop toggles it 50 times");
        assertRelay(RelayState.ENERGIZED, "a toggling WATCHDOG line must hold the relay in");
    }

    @Test
    void aStalledLoopStopsTheHeartbeatCutsTheBridgeAndDropsTheRelay() {
        bootAtHome();
        pressDownUntilDriving();
        assertRelay(RelayState.ENERGIZED, "the relay must be in before the stall, or its drop proves nothing");

        table.stallLoop();
        long stalledAt = table.nanoTime();
        assertTrue(table.runUntil(() -> !jig.enableHigh(), BRIDGE_WATCHDOG_CUT_TIMEOUT),
                "ENABLE still HIGH " + BRIDGE_WATCHDOG_CUT_TIMEOUT.toMillis()
                        + " ms into a stalled loop: the H-bridge's own watchdog did not cut it (SPEC §6)");
        System.out.println("stalled loop to ENABLE low: " + (table.nanoTime() - stalledAt) / 1000 + " us on " + jig.name());
        table.runFor(Duration.ofMillis(20));
        assertEquals(0, countEdges(Duration.ofMillis(100)), "the WATCHDOG line went on toggling while the loop hung");
        if (jig.relay() != RelayState.NOT_FITTED) {
            assertTrue(table.runUntil(() -> jig.relay() == RelayState.DROPPED, RELAY_DROP_TIMEOUT),
                    "the watchdog relay still holds motor power " + RELAY_DROP_TIMEOUT.toMillis()
                            + " ms after the heartbeat stopped");
        }
        table.resumeLoop();
        assertEnableStaysLow(Duration.ofMillis(300), "after a hung loop the motor must stay off while DOWN is held");
    }

    private int countEdges(Duration window) {
        boolean[] last = {jig.watchdogHigh()};
        int[] edges = {0};
        table.runFor(window, () -> {
            boolean now = jig.watchdogHigh();
            if (now != last[0]) {
                edges[0]++;
                last[0] = now;
            }
        });
        return edges[0];
    }

    private void assertRelay(RelayState expected, String why) {
        RelayState seen = jig.relay();
        if (seen == RelayState.NOT_FITTED) {
            System.out.println("relay check skipped: " + jig.name() + " has no watchdog relay board");
            return;
        }
        assertEquals(expected, seen, why);
    }
}

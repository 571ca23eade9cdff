package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every device contract shares: a jig per test from {@link #newJig()} (the {@code hil} classes
 * take {@link Jigs#current()}, the mock-backed ones a {@link MockJig}), and a controller booted on
 * it at home with every contact at rest. Untagged and abstract: the tag goes on the concrete class,
 * because JUnit's tags are inherited and the mock-backed subclass must run in the normal build.
 */
abstract class JigContract {
    /** Long enough for the controller to boot and settle its inputs (SafetySettings: 100 ms). */
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(2);
    /** A hold-to-run move starts within a few ticks of the press after the debounce. */
    static final Duration DRIVE_TIMEOUT = Duration.ofMillis(500);

    protected Jig jig;
    protected TableUnderTest table;

    /** The jig this class runs against. */
    protected abstract Jig newJig();

    @BeforeEach
    void connectJig() {
        jig = newJig();
        System.out.println(getClass().getSimpleName() + " on " + jig.name());
    }

    @AfterEach
    void disconnectJig() {
        try {
            if (table != null) {
                table.close();
            }
        } finally {
            if (jig != null) {
                jig.close();
            }
        }
    }

    /** Boots the controller with the bed at home, the e-stop closed, no button held, and waits for IDLE. */
    protected TableUnderTest bootAtHome() {
        jig.poseImu(ImuPose.HOME);
        jig.setHomeSwitchAtHome(true);
        jig.setEstop(EstopContact.CLOSED);
        for (Button b : jig.drivableButtons()) {
            jig.setButtonPressed(b, false);
        }
        table = jig.bootTable(jig.wiredConfig());
        assertTrue(table.runUntil(() -> stateIs(TableState.IDLE), BOOT_TIMEOUT),
                "the controller did not reach IDLE within " + BOOT_TIMEOUT + " of its boot; last tick: " + table.lastTick());
        return table;
    }

    /** Presses DOWN and waits until the bridge is enabled on the wire. */
    protected void pressDownUntilDriving() {
        jig.setButtonPressed(Button.DOWN, true);
        assertTrue(table.runUntil(jig::enableHigh, DRIVE_TIMEOUT),
                "DOWN held " + DRIVE_TIMEOUT.toMillis() + " ms at home never took ENABLE high; last tick: " + table.lastTick());
    }

    /** Holds STOP past the reset time (SPEC §4: 2 s) and releases it, with the e-stop closed. */
    protected void resetByHoldingStop() {
        jig.setButtonPressed(Button.STOP, true);
        table.runFor(Duration.ofMillis(2300));
        jig.setButtonPressed(Button.STOP, false);
        assertTrue(table.runUntil(() -> stateIs(TableState.IDLE), Duration.ofMillis(500)),
                "STOP held 2.3 s with the e-stop closed did not reset to IDLE; last tick: " + table.lastTick());
    }

    protected boolean stateIs(TableState state) {
        TickRecord last = table.lastTick();
        return last != null && last.state() == state;
    }

    /** Asserts that ENABLE stays low over {@code window}, sampled at every step. */
    protected void assertEnableStaysLow(Duration window, String why) {
        boolean[] seenHigh = {false};
        table.runFor(window, () -> seenHigh[0] |= jig.enableHigh());
        assertTrue(!seenHigh[0], why + ": ENABLE went HIGH within " + window.toMillis() + " ms; last tick: " + table.lastTick());
    }
}

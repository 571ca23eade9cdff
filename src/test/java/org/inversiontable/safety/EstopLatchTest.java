package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstopLatchTest {
    @Test
    void aTripLatches() {
        EstopLatch latch = new EstopLatch();
        assertFalse(latch.latched());
        latch.trip();
        latch.trip();
        assertTrue(latch.latched());
    }

    @Test
    void resetIsRefusedWhileTheInputStillReadsStop() {
        EstopLatch latch = new EstopLatch();
        latch.trip();
        assertFalse(latch.tryReset(true));
        assertTrue(latch.latched());
    }

    @Test
    void resetSucceedsOnceTheInputIsReleased() {
        EstopLatch latch = new EstopLatch();
        latch.trip();
        assertTrue(latch.tryReset(false));
        assertFalse(latch.latched());
    }

    @Test
    void aResetAttemptWithTheInputOpenLatchesEvenWithoutAnEvent() {
        EstopLatch latch = new EstopLatch();
        assertFalse(latch.tryReset(true));
        assertTrue(latch.latched(), "a contact open at reset time is a stop, edge or not");
    }

    @Test
    void aTripFromTheListenerThreadIsSeenByTheLoopThread() throws InterruptedException {
        EstopLatch latch = new EstopLatch();
        Thread listener = new Thread(latch::trip, "estop-listener");
        listener.start();
        listener.join();
        assertTrue(latch.latched());
    }
}

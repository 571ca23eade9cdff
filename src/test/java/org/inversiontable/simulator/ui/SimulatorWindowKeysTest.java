package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.util.List;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

class SimulatorWindowKeysTest {
    private final FakeSimulatorControls fake = new FakeSimulatorControls();
    private final ManualClock clock = new ManualClock(0);
    private final HandController hand = new HandController(fake, clock);
    private final WindowKeys keys = new WindowKeys(hand, () -> fake.setEstopPressed(!fake.estop), clock);

    private void ms(long ms) {
        clock.advanceNanos(ms * 1_000_000L);
        keys.poll();
    }

    @Test
    void arrowDownActsWhileHeldAndStopsOnRelease() {
        assertTrue(keys.keyPressed(KeyEvent.VK_DOWN));
        ms(500);
        keys.keyReleased(KeyEvent.VK_DOWN);
        ms(1);
        assertEquals(List.of("DOWN down"), fake.calls(), "the release waits out the auto-repeat grace");
        ms(50);
        assertEquals(List.of("DOWN down", "DOWN up"), fake.calls());
    }

    @Test
    void repeatedPressesOfAHeldKeyDoNotToggle() {
        keys.keyPressed(KeyEvent.VK_D);
        for (int i = 0; i < 30; i++) {
            ms(33);
            keys.keyPressed(KeyEvent.VK_D);
        }
        assertEquals(List.of("DOWN down"), fake.calls());
    }

    @Test
    void x11AutoRepeatPairsOfReleaseAndPressKeepTheButtonHeld() {
        keys.keyPressed(KeyEvent.VK_UP);
        for (int i = 0; i < 30; i++) {
            ms(33);
            keys.keyReleased(KeyEvent.VK_UP);
            keys.keyPressed(KeyEvent.VK_UP);
        }
        assertEquals(List.of("UP down"), fake.calls());
        keys.keyReleased(KeyEvent.VK_UP);
        ms(WindowKeys.RELEASE_GRACE_NANOS / 1_000_000L);
        assertEquals(List.of("UP down", "UP up"), fake.calls());
    }

    @Test
    void losingFocusReleasesEveryButtonAtOnce() {
        keys.keyPressed(KeyEvent.VK_DOWN);
        keys.keyPressed(KeyEvent.VK_S);
        keys.focusLost();
        assertEquals(List.of("DOWN down", "STOP down", "DOWN up", "STOP up"), fake.calls());
        keys.keyReleased(KeyEvent.VK_DOWN);
        ms(100);
        assertEquals(4, fake.calls().size(), "a release after the focus came back sends nothing twice");
    }

    @Test
    void theEstopKeyTogglesOncePerPressNotPerRepeat() {
        keys.keyPressed(KeyEvent.VK_E);
        for (int i = 0; i < 10; i++) {
            ms(33);
            keys.keyReleased(KeyEvent.VK_E);
            keys.keyPressed(KeyEvent.VK_E);
        }
        keys.keyReleased(KeyEvent.VK_E);
        ms(100);
        assertEquals(List.of("estop on"), fake.calls());
        keys.keyPressed(KeyEvent.VK_E);
        assertEquals(List.of("estop on", "estop off"), fake.calls());
    }

    @Test
    void keysThatAreNotTheHandControllersAreLeftToTheWindow() {
        assertFalse(keys.keyPressed(KeyEvent.VK_X));
        assertFalse(keys.keyReleased(KeyEvent.VK_X));
        assertEquals(List.of(), fake.calls());
    }

    @Test
    void stopHeldByKeyReachesTheResetHold() {
        keys.keyPressed(KeyEvent.VK_S);
        ms(2100);
        assertTrue(hand.holdHint().startsWith("STOP held 2 s"), hand.holdHint());
        keys.keyReleased(KeyEvent.VK_S);
        ms(50);
        assertEquals(List.of("STOP down", "STOP up"), fake.calls());
    }
}

package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inversiontable.hardware.Button;
import org.inversiontable.simulator.ui.HandController.Source;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

class SimulatorHandControllerTest {
    private final FakeSimulatorControls fake = new FakeSimulatorControls();
    private final ManualClock clock = new ManualClock(0);
    private final HandController hand = new HandController(fake, clock);

    @Test
    void downActsWhileHeldThenReleases() {
        hand.press(Button.DOWN, Source.MOUSE);
        hand.release(Button.DOWN, Source.MOUSE);
        assertEquals(List.of("DOWN down", "DOWN up"), fake.calls());
    }

    @Test
    void aSecondPressDoesNotToggle() {
        hand.press(Button.DOWN, Source.KEY);
        hand.press(Button.DOWN, Source.KEY);
        assertEquals(List.of("DOWN down"), fake.calls());
    }

    @Test
    void mouseAndKeyOnOneButtonReleaseOnlyWhenBothLetGo() {
        hand.press(Button.UP, Source.MOUSE);
        hand.press(Button.UP, Source.KEY);
        hand.release(Button.UP, Source.MOUSE);
        assertEquals(List.of("UP down"), fake.calls());
        hand.release(Button.UP, Source.KEY);
        assertEquals(List.of("UP down", "UP up"), fake.calls());
    }

    @Test
    void aReleaseWithoutAPressSendsNothing() {
        hand.release(Button.STOP, Source.MOUSE);
        assertEquals(List.of(), fake.calls());
    }

    @Test
    void releaseAllLetsGoOfEveryHeldButton() {
        hand.press(Button.DOWN, Source.KEY);
        hand.press(Button.STOP, Source.MOUSE);
        hand.releaseAll();
        assertEquals(List.of("DOWN down", "STOP down", "DOWN up", "STOP up"), fake.calls());
        hand.releaseAll();
        assertEquals(4, fake.calls().size());
    }

    @Test
    void theStopHoldShowsWhenTheResetWillCount() {
        hand.press(Button.STOP, Source.MOUSE);
        clock.advanceNanos(1_200_000_000L);
        assertEquals("STOP held 1.2 s: resets at 2 s", hand.holdHint());
        clock.advanceNanos(900_000_000L);
        assertTrue(hand.holdHint().startsWith("STOP held 2 s: reset requested"), hand.holdHint());
        hand.release(Button.STOP, Source.MOUSE);
        assertEquals("", hand.holdHint());
    }

    @Test
    void thePresetHoldShowsWhenTheStoreWillCount() {
        hand.press(Button.PRESET, Source.KEY);
        clock.advanceNanos(500_000_000L);
        assertEquals("PRESET held 0.5 s: stores at 3 s", hand.holdHint());
        clock.advanceNanos(2_600_000_000L);
        assertTrue(hand.holdHint().startsWith("PRESET held 3 s: stores"), hand.holdHint());
    }
}

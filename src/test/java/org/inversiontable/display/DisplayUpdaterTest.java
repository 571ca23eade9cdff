package org.inversiontable.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inversiontable.control.TableState;
import org.inversiontable.hardware.PixelDisplay;
import org.inversiontable.hardware.pi4j.Pi4jDisplay;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeSsd1306;
import org.inversiontable.runtime.AuxiliaryFailures;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §12/§13: a display that fails is reported once, set up again after a back-off, and never
 * reaches the table. Driven step by step on a manual clock; the thread is not started.
 */
class DisplayUpdaterTest {
    private static final long PERIOD_NANOS = 250_000_000L;
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final FakeSsd1306 chip = new FakeSsd1306();
    private final DisplayFeed feed = new DisplayFeed();
    private final List<String> reports = new ArrayList<>();
    private final AuxiliaryFailures failures = new AuxiliaryFailures(f -> reports.add(f.what()));
    private final List<Pi4jDisplay> opened = new ArrayList<>();

    /** Counts the set-ups the updater tries, around the real driver. */
    private final class CountingDisplay implements PixelDisplay {
        final PixelDisplay inner;
        int inits;

        CountingDisplay(PixelDisplay inner) {
            this.inner = inner;
        }

        @Override
        public void init() {
            inits++;
            inner.init();
        }

        @Override
        public void refresh() {
            inner.refresh();
        }

        @Override
        public void show(byte[] frame) {
            inner.show(frame);
        }

        @Override
        public void off() {
            inner.off();
        }
    }

    private CountingDisplay display(Pi4jDisplay oled) {
        opened.add(oled);
        return new CountingDisplay(oled);
    }

    private DisplayUpdater updater(PixelDisplay display) {
        return new DisplayUpdater(feed, display, () -> { }, clock, failures, PERIOD_NANOS, nanos -> { });
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Pi4jDisplay::close);
    }

    /** The control thread's side of one tick. */
    private DisplayStatus tick(double angleDeg, TableState state) {
        feed.publish(clock.nanoTime(), angleDeg, 40, 180, state, null, null, DisplayStatus.NO_LEVEL);
        return feed.latest().status();
    }

    private void advance(long nanos) {
        clock.advanceNanos(nanos);
    }

    @Test
    void eachStepShowsTheNewestStatus() {
        DisplayUpdater u = updater(display(Pi4jDisplay.simulated(chip, 1, 0x3C, 100)));
        DisplayStatus first = tick(10, TableState.MOVING);
        u.step();
        assertArrayEquals(DisplayRenderer.render(first), chip.visibleFrame());
        advance(PERIOD_NANOS);
        DisplayStatus second = tick(11, TableState.MOVING);
        u.step();
        assertArrayEquals(DisplayRenderer.render(second), chip.visibleFrame());
        assertTrue(u.working());
        assertEquals(List.of(), reports);
    }

    @Test
    void withoutARecentStatusItShowsNoData() {
        DisplayUpdater u = updater(display(Pi4jDisplay.simulated(chip, 1, 0x3C, 100)));
        u.step();
        assertArrayEquals(DisplayRenderer.renderNoData(), chip.visibleFrame(), "nothing published yet");
        tick(25, TableState.HOLDING);
        advance(DisplayUpdater.STALE_AFTER_NANOS + 1);
        u.step();
        assertArrayEquals(DisplayRenderer.renderNoData(), chip.visibleFrame(),
                "a control loop that stopped publishing leaves no frozen angle");
    }

    @Test
    void aFailingDisplayIsReportedOnceRetriedWithBackOffAndRecovers() {
        CountingDisplay d = display(Pi4jDisplay.simulated(chip, 1, 0x3C, 100));
        DisplayUpdater u = updater(d);
        tick(5, TableState.MOVING);
        u.step();
        assertTrue(u.working());

        chip.setFailing(true);
        int published = 0;
        for (int i = 0; i < 200; i++) {           // 50 s of pictures at 4 Hz
            advance(PERIOD_NANOS);
            tick(5 + i * 0.1, TableState.MOVING);   // the control thread goes on publishing, untouched
            published++;
            u.step();
        }
        assertEquals(200, published);
        assertEquals(List.of(DisplayUpdater.WHAT), reports, "reported once, not once a picture");
        assertFalse(u.working());
        // Back-off 1, 2, 4, 8, 8, ... s: about 9 set-ups in 50 s, not 200.
        assertTrue(d.inits >= 6 && d.inits <= 10, d.inits + " set-ups while failing");

        chip.setFailing(false);
        advance(DisplayUpdater.MAX_RETRY_NANOS);
        DisplayStatus now = tick(30, TableState.HOLDING);
        u.step();
        assertTrue(u.working());
        assertArrayEquals(DisplayRenderer.render(now), chip.visibleFrame(), "set up again and drawn whole");
        assertEquals(1, reports.size());
    }

    @Test
    void aDisplayMissingAtStartIsReportedOnceAndTheUpdaterGoesOn() {
        FakeI2CProvider empty = new FakeI2CProvider();
        CountingDisplay d = display(Pi4jDisplay.simulated(empty, 1, 0x3C, 100));
        DisplayUpdater u = updater(d);
        for (int i = 0; i < 40; i++) {
            tick(0, TableState.IDLE);
            u.step();
            advance(PERIOD_NANOS);
        }
        assertEquals(List.of(DisplayUpdater.WHAT), reports);
        assertEquals(0, u.framesShown());

        empty.attach(1, 0x3C, chip);               // plugged in
        advance(DisplayUpdater.MAX_RETRY_NANOS);
        tick(0, TableState.IDLE);
        u.step();
        assertTrue(u.working());
        assertTrue(chip.displayOn());
    }

    @Test
    void closeTurnsThePanelOffAndClosesTheHardware() {
        Pi4jDisplay oled = Pi4jDisplay.simulated(chip, 1, 0x3C, 100);
        boolean[] closed = {false};
        DisplayUpdater u = new DisplayUpdater(feed, oled, () -> {
            closed[0] = true;
            oled.close();
        }, clock, failures, PERIOD_NANOS, nanos -> { });
        tick(20, TableState.HOLDING);
        u.step();
        u.close();
        assertFalse(chip.displayOn(), "a stopped table shows no stale angle");
        assertTrue(closed[0]);
        u.close();
    }

    @Test
    void anUnpluggedDisplayIsFoundWhileThePictureStandsStill() {
        DisplayUpdater u = updater(display(Pi4jDisplay.simulated(chip, 1, 0x3C, 100)));
        tick(-65, TableState.IDLE);
        u.step();
        chip.setFailing(true);
        for (int i = 0; i < 40; i++) {                 // 10 s, the same picture throughout
            advance(PERIOD_NANOS);
            tick(-65, TableState.IDLE);
            u.step();
        }
        assertEquals(List.of(DisplayUpdater.WHAT), reports, "the periodic refresh talks to it and finds it gone");
    }

    @Test
    void aDisplayThatResetItselfIsRedrawnWithinTheRefreshPeriod() {
        DisplayUpdater u = updater(display(Pi4jDisplay.simulated(chip, 1, 0x3C, 100)));
        DisplayStatus still = tick(-65, TableState.IDLE);
        u.step();
        chip.powerCycle();
        for (long t = 0; t <= DisplayUpdater.REFRESH_EVERY_NANOS; t += PERIOD_NANOS) {
            advance(PERIOD_NANOS);
            tick(-65, TableState.IDLE);
            u.step();
        }
        assertArrayEquals(DisplayRenderer.render(still), chip.visibleFrame());
        assertEquals(List.of(), reports);
    }
}

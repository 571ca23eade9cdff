package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ControlPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jControlPanelTest {
    private final SimulatedTable sim = new SimulatedTable();
    private final ControlPanel panel = sim.hw().panel();

    @AfterEach
    void shutDown() {
        sim.close();
        assertTrue(sim.ctx.isShutdown());
    }

    /** Settles the debouncers on the idle wiring (the panel starts on "stop" and "at home"). */
    private void settle() {
        panel.read();
        sim.advanceMs(sim.pins.debounceMs());
        panel.read();
    }

    @Test
    void idleWiringReadsClearAfterTheDebounceTime() {
        settle();
        assertFalse(panel.read().estopStop());
        assertFalse(panel.read().homeSwitchAtHome());
        assertEquals(0, panel.read().buttonsMask());
    }

    @Test
    void eStopWireBreakReadsAsStopAndFiresTheListenerSynchronously() {
        settle();
        AtomicInteger fired = new AtomicInteger();
        AtomicReference<Thread> on = new AtomicReference<>();
        panel.onEstopOpened(() -> {
            fired.incrementAndGet();
            on.set(Thread.currentThread());
        });
        // A broken wire is indistinguishable from a press: the pull-up takes the input HIGH.
        sim.input(IoIds.ESTOP).mockState(DigitalState.HIGH);
        assertEquals(1, fired.get(), "listener must have run before mockState returned");
        assertEquals(Thread.currentThread(), on.get());
        assertTrue(panel.read().estopStop());
    }

    @Test
    void eStopListenerDoesNotFireWhenTheContactCloses() {
        sim.input(IoIds.ESTOP).mockState(DigitalState.HIGH);
        AtomicInteger fired = new AtomicInteger();
        panel.onEstopOpened(fired::incrementAndGet);
        sim.input(IoIds.ESTOP).mockState(DigitalState.LOW);
        assertEquals(0, fired.get());
    }

    @Test
    void eStopStopIsImmediateButReleaseIsDebounced() {
        settle();
        sim.input(IoIds.ESTOP).mockState(DigitalState.HIGH);
        assertTrue(panel.read().estopStop(), "stop must be read on the first sample");

        sim.input(IoIds.ESTOP).mockState(DigitalState.LOW);
        assertTrue(panel.read().estopStop());
        sim.advanceMs(sim.pins.debounceMs() - 1);
        assertTrue(panel.read().estopStop(), "release accepted before the debounce time");
        sim.advanceMs(1);
        assertFalse(panel.read().estopStop());
    }

    @Test
    void eStopBounceDuringReleaseRestartsTheDebounce() {
        settle();
        sim.input(IoIds.ESTOP).mockState(DigitalState.HIGH);
        panel.read();
        sim.input(IoIds.ESTOP).mockState(DigitalState.LOW);
        panel.read();
        sim.advanceMs(10);
        sim.input(IoIds.ESTOP).mockState(DigitalState.HIGH);
        assertTrue(panel.read().estopStop());
        sim.input(IoIds.ESTOP).mockState(DigitalState.LOW);
        panel.read();
        sim.advanceMs(sim.pins.debounceMs() - 1);
        assertTrue(panel.read().estopStop());
        sim.advanceMs(1);
        assertFalse(panel.read().estopStop());
    }

    @Test
    void buttonBounceShorterThanTheDebounceTimeIsIgnored() {
        settle();
        sim.input(IoIds.BUTTON_UP).mockState(DigitalState.LOW);
        panel.read();
        sim.advanceMs(sim.pins.debounceMs() / 2);
        assertFalse(panel.read().pressed(Button.UP));
        sim.input(IoIds.BUTTON_UP).mockState(DigitalState.HIGH);
        panel.read();
        sim.advanceMs(sim.pins.debounceMs());
        assertFalse(panel.read().pressed(Button.UP));
    }

    @Test
    void stableButtonPressIsAcceptedAfterTheDebounceTimeAndNotBefore() {
        settle();
        sim.input(IoIds.BUTTON_PRESET).mockState(DigitalState.LOW);
        assertFalse(panel.read().pressed(Button.PRESET));
        sim.advanceMs(sim.pins.debounceMs() - 1);
        assertFalse(panel.read().pressed(Button.PRESET));
        sim.advanceMs(1);
        assertTrue(panel.read().pressed(Button.PRESET));
        assertEquals(Button.PRESET.bit(), panel.read().buttonsMask());
    }

    @Test
    void everyButtonMapsToItsOwnBit() {
        settle();
        for (Button b : Button.values()) {
            sim.input(IoIds.button(b)).mockState(DigitalState.LOW);
            panel.read();
            sim.advanceMs(sim.pins.debounceMs());
            assertEquals(b.bit(), panel.read().buttonsMask(), b.name());
            sim.input(IoIds.button(b)).mockState(DigitalState.HIGH);
            panel.read();
            sim.advanceMs(sim.pins.debounceMs());
            assertEquals(0, panel.read().buttonsMask(), b.name());
        }
    }

    @Test
    void homeSwitchOpeningReadsAtHomeAtOnceAndItsReturnIsDebounced() {
        settle();
        assertFalse(panel.read().homeSwitchAtHome());
        sim.input(IoIds.HOME_SWITCH).mockState(DigitalState.HIGH);
        assertTrue(panel.read().homeSwitchAtHome(), "at home must be read on the first sample");
        sim.input(IoIds.HOME_SWITCH).mockState(DigitalState.LOW);
        assertTrue(panel.read().homeSwitchAtHome());
        sim.advanceMs(sim.pins.debounceMs() - 1);
        assertTrue(panel.read().homeSwitchAtHome());
        sim.advanceMs(1);
        assertFalse(panel.read().homeSwitchAtHome());
    }

    @Test
    void panelStartsOnTheSafeSideBeforeTheInputsHaveSettled() {
        var first = panel.read();
        assertTrue(first.estopStop());
        assertTrue(first.homeSwitchAtHome());
        assertEquals(0b11111, first.buttonsMask(), "every button held until seen released");
    }
}

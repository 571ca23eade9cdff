package org.inversiontable.safety.scenario;

import org.inversiontable.safety.FaultCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.config.Config;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.SimulatedBench;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outputs that protect the user when the program itself fails (SPEC §4, §6, §11), read on
 * the Pi4J mock wires of {@link SimulatedBench}: the WATCHDOG heartbeat, the H-bridge's own
 * 50 ms watchdog, and the e-stop acting on its input event. The loop is ticked by hand here, so
 * that a test can stop ticking (a hung loop), which a scenario cannot.
 */
class BenchWatchdogAndEstopTest {
    private static final long MS = 1_000_000L;

    private final Config config = Config.defaults();
    private final ManualClock clock = new ManualClock(0);
    private SimulatedBench bench;
    private TableHardware hardware;
    private ControlLoop loop;
    private double angleDeg = -65;
    private boolean estopOpen;
    private int buttons;

    @BeforeEach
    void boot() {
        bench = new SimulatedBench(PinMap.from(config));
        bench.setInputs(false, true, 0);
        bench.showImu(true, true, angleDeg, 1.0);
        hardware = bench.boot(clock);
        loop = ControllerAssembly.build(config, hardware, clock);
    }

    @AfterEach
    void close() {
        bench.close();
    }

    /** One control period: the clock in 1 ms steps (the H-bridge watchdog polled each), a fresh sample, a tick. */
    private TickRecord tick() {
        for (int i = 0; i < 10; i++) {
            clock.advanceNanos(MS);
            hardware.motor().pollWatchdog(clock.nanoTime());
        }
        bench.showImu(true, true, angleDeg, 1.0);
        bench.setInputs(estopOpen, angleDeg <= -64.5, buttons);
        TickRecord r = loop.tick();
        if (r.applied().enabled()) {
            angleDeg += 5.0 * r.applied().duty() * 0.01 * 2;   // a table that follows the command
        }
        return r;
    }

    private void press(Button b) {
        buttons |= b.bit();
    }

    private void release(Button b) {
        buttons &= ~b.bit();
    }

    private TickRecord driveDown() {
        for (int i = 0; i < 20; i++) {
            tick();
        }
        press(Button.DOWN);
        TickRecord r = null;
        for (int i = 0; i < 150; i++) {
            r = tick();
        }
        assertTrue(r.applied().enabled() && r.applied().duty() > 0.1, "not driving down: " + r);
        assertTrue(bench.motorOutput().enabled(), "wires not driving");
        return r;
    }

    @Test
    void theHeartbeatTogglesEveryHealthyTickAndStopsInEstop() {
        boolean previous = bench.wiring().watchdogHigh();
        for (int i = 0; i < 100; i++) {
            tick();
            boolean now = bench.wiring().watchdogHigh();
            assertNotEquals(previous, now, "heartbeat did not toggle on healthy tick " + i);
            previous = now;
        }
        estopOpen = true;
        tick();
        previous = bench.wiring().watchdogHigh();
        for (int i = 0; i < 50; i++) {
            TickRecord r = tick();
            assertEquals("ESTOP", r.state().name());
            assertEquals(previous, bench.wiring().watchdogHigh(), "heartbeat toggled in ESTOP, tick " + i);
        }
    }

    /**
     * SPEC §4: the heartbeat stops when the program hangs (no tick toggles it), but after a loop
     * overrun that passed it goes on, so that limp home (and the automatic return) can drive.
     */
    @Test
    void theHeartbeatGoesOnAfterALoopOverrunThatPassed() {
        for (int i = 0; i < 30; i++) {
            tick();
        }
        clock.advanceNanos(40 * MS);   // the loop was late: more than 3 periods between ticks
        TickRecord late = tick();
        assertEquals(FaultCode.LOOP_OVERRUN, late.fault(), "no overrun fault: " + late);
        boolean previous = bench.wiring().watchdogHigh();
        for (int i = 0; i < 20; i++) {
            tick();
            boolean now = bench.wiring().watchdogHigh();
            assertNotEquals(previous, now, "heartbeat stopped after a loop overrun that passed, tick " + i);
            previous = now;
        }
    }

    @Test
    void theMotorOutputTurnsItselfOffFiftyMillisecondsAfterTheLastRefresh() {
        driveDown();
        long lastApply = clock.nanoTime();
        // The loop hangs: no more ticks; only the H-bridge's own watchdog runs.
        for (int ms = 1; ms <= 60; ms++) {
            clock.advanceNanos(MS);
            hardware.motor().pollWatchdog(clock.nanoTime());
            boolean on = bench.motorOutput().enabled();
            if (clock.nanoTime() - lastApply < HBridge.WATCHDOG_TIMEOUT_NANOS) {
                assertTrue(on, "motor off after only " + ms + " ms");
            } else {
                assertFalse(on, "motor still on " + ms + " ms after the last refresh");
            }
        }
        // When the loop comes back, it must find a fault latched, not drive on.
        TickRecord back = tick();
        assertNotNull(back.fault(), "the loop resumed after a 70 ms hang with no fault: " + back);
        assertFalse(back.applied().enabled(), "motor re-enabled after the hang: " + back);
    }

    @Test
    void theEstopTurnsTheWiresOffOnItsEventBeforeAnyTick() {
        driveDown();
        clock.advanceNanos(3 * MS);
        bench.setInputs(true, false, buttons);   // the contact opens between two ticks
        assertFalse(bench.motorOutput().enabled(), "H-bridge enable still high on the wires after the e-stop event");
        assertEquals(0.0, bench.wiring().dutyOnWires());
        // And a tick computed before it cannot re-enable it.
        TickRecord r = tick();
        assertFalse(r.applied().enabled());
        assertFalse(bench.motorOutput().enabled());
        release(Button.DOWN);
    }
}

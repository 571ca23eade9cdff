package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.safety.MotorGate;
import org.inversiontable.safety.TroubleReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §11: the e-stop acts on its input event and does not wait for the tick's lock. A thread
 * holds the H-bridge's tick lock (as a tick that writes the outputs does) until released by a
 * latch; the e-stop's event must drive ENABLE LOW meanwhile, on the event's own thread.
 */
class EstopWithoutTheTickLockTest {
    private final SimulatedTable sim = new SimulatedTable();
    private final Pi4jHBridge bridge = (Pi4jHBridge) sim.hw().motor();

    @AfterEach
    void shutDown() {
        sim.close();
    }

    @Test
    void theEstopEventDrivesEnableLowWhileAnotherThreadHoldsTheTicksLock() throws Exception {
        MotorGate gate = new MotorGate(bridge, new TroubleReports());
        sim.hw().panel().onEstopOpened(gate::onEstopEvent);
        bridge.apply(MotorCommand.drive(0.6), sim.clock.nanoTime());
        assertTrue(sim.high(IoIds.MOTOR_ENABLE));

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread tick = new Thread(() -> {
            bridge.tickLock().lock();
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                bridge.tickLock().unlock();
            }
        }, "tick-holding-the-lock");
        tick.start();
        try {
            assertTrue(held.await(5, TimeUnit.SECONDS));
            // Mock inputs fire their listeners on the caller's thread: this is the e-stop's event.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> sim.table.simulatedWiring().setEstopOpen(true),
                    "the e-stop waited for the tick's lock");
            assertFalse(sim.high(IoIds.MOTOR_ENABLE), "ENABLE must be LOW while the tick still holds its lock");
            assertTrue(bridge.inhibited());
            assertEquals(MotorCommand.OFF, bridge.output());
            assertTrue(bridge.tickLock().isLocked(), "the tick still held its lock when ENABLE went LOW");
        } finally {
            release.countDown();
            tick.join(5_000);
        }
        // The tick that held the lock writes next: the latch turns its command off, duty included.
        bridge.apply(MotorCommand.drive(0.6), sim.clock.nanoTime());
        assertFalse(sim.high(IoIds.MOTOR_ENABLE));
        assertEquals(0.0, sim.table.simulatedWiring().dutyOnWires());
        assertFalse(sim.pwm().isOn());
    }

    @Test
    void anEstopBetweenTheTicksLatchCheckAndItsEnableHighStillEndsWithEnableLow() throws Exception {
        // The worst interleaving, made exact: the e-stop's event (on its own thread, so it cannot
        // take the tick's lock) runs while the tick writes the direction, after the tick has read
        // the latch and before it drives ENABLE HIGH.
        bridge.clearInhibit();
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        sim.output(IoIds.MOTOR_DIR).addListener(event -> {
            if (fired.compareAndSet(false, true)) {
                Thread estop = new Thread(bridge::inhibit, "estop-event");
                estop.start();
                try {
                    estop.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        bridge.apply(MotorCommand.drive(0.5), sim.clock.nanoTime());
        assertTrue(fired.get(), "the direction changed, so the e-stop fired mid-tick");
        assertFalse(sim.high(IoIds.MOTOR_ENABLE), "the tick's ENABLE HIGH came after the e-stop's LOW");
        assertEquals(MotorCommand.OFF, bridge.output());
        assertEquals(0.0, sim.table.simulatedWiring().dutyOnWires());
    }
}

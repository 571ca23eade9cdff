package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.Test;

/** The gate that alone holds the H-bridge, and the one path for trouble found off the control thread. */
class MotorGateTest {
    private final RecordingHBridge bridge = new RecordingHBridge();
    private final TroubleReports trouble = new TroubleReports();
    private final MotorGate gate = new MotorGate(bridge, trouble);

    @Test
    void theEstopEventCutsAtOnceAndIsReportedOnceToTheNextTick() {
        gate.write(MotorCommand.drive(0.5), 0);
        gate.onEstopEvent();
        assertTrue(bridge.inhibited());
        assertFalse(gate.output().enabled());
        gate.write(MotorCommand.drive(0.5), 1);
        assertFalse(gate.output().enabled(), "a tick computed before the e-stop re-enabled the motor");
        assertTrue(trouble.takeEstop());
        assertFalse(trouble.takeEstop(), "one report, taken once");
    }

    @Test
    void aReleaseLiftsTheCutOnlyWhenNoEstopReportIsPending() {
        gate.onEstopEvent();
        trouble.takeEstop();
        gate.release();
        assertFalse(bridge.inhibited());
        gate.onEstopEvent();
        gate.release();
        assertTrue(bridge.inhibited(), "an e-stop that opened during the reset's tick was lifted");
    }

    @Test
    void anEstopPathThatThrowsStillCountsTheEstopTellsItsWatcherAndRethrows() {
        IllegalStateException broken = new IllegalStateException("gpiod line gone");
        MotorGate failing = new MotorGate(new RecordingHBridge() {
            @Override
            public void inhibit() {
                throw broken;
            }
        }, trouble);
        Throwable[] seen = new Throwable[1];
        failing.onEstopPathFailure(e -> seen[0] = e);
        assertEquals(broken, assertThrows(IllegalStateException.class, failing::onEstopEvent));
        assertEquals(broken, seen[0], "the runtime hears of it and ends the process");
        assertTrue(trouble.takeEstop(), "the next tick still latches the e-stop");
        AssertionError error = new AssertionError("out of memory in the listener");
        MotorGate erring = new MotorGate(new RecordingHBridge() {
            @Override
            public void inhibit() {
                throw error;
            }
        }, trouble);
        erring.onEstopPathFailure(e -> seen[0] = e);
        assertEquals(error, assertThrows(AssertionError.class, erring::onEstopEvent));
        assertEquals(error, seen[0]);
        assertTrue(trouble.takeEstop());
        assertThrows(IllegalArgumentException.class, () -> gate.onEstopPathFailure(null));
    }

    @Test
    void theFailSafeCutTurnsThePowerOffAndIsReportedAsALoopOverrun() {
        gate.write(MotorCommand.drive(0.5), 0);
        gate.failSafeCut("the control thread died");
        assertTrue(bridge.inhibited());
        assertFalse(gate.output().enabled());
        Trip trip = trouble.takeFault();
        assertEquals(FaultCode.LOOP_OVERRUN, trip.code());
        assertEquals("the control thread died", trip.cause());
    }

    @Test
    void anOrderlyShutOffCutsWithoutReportingAFault() {
        gate.write(MotorCommand.drive(0.5), 0);
        gate.shutOff();
        assertTrue(bridge.inhibited());
        gate.write(MotorCommand.drive(0.5), 1);
        assertFalse(gate.output().enabled());
        assertNull(trouble.takeFault());
        assertFalse(trouble.takeEstop());
    }

    @Test
    void aWatchdogExpiryIsReportedAsMotorWatchdog() {
        HBridge expiring = new RecordingHBridge() {
            @Override
            public boolean pollWatchdog(long nowNanos) {
                return nowNanos >= HBridge.WATCHDOG_TIMEOUT_NANOS;
            }
        };
        MotorGate watched = new MotorGate(expiring, trouble);
        watched.checkWatchdog(HBridge.WATCHDOG_TIMEOUT_NANOS - 1);
        assertNull(trouble.takeFault());
        watched.checkWatchdog(HBridge.WATCHDOG_TIMEOUT_NANOS);
        assertEquals(FaultCode.MOTOR_WATCHDOG, trouble.takeFault().code());
    }

    @Test
    void theFirstReportedCauseIsKeptUntilTaken() {
        trouble.report(FaultCode.MOTOR_WATCHDOG, "first");
        trouble.report(FaultCode.LOOP_OVERRUN, "second");
        assertEquals(new Trip(FaultCode.MOTOR_WATCHDOG, "first"), trouble.takeFault());
        assertNull(trouble.takeFault());
        trouble.report(FaultCode.LOOP_OVERRUN, "after the take");
        assertEquals(FaultCode.LOOP_OVERRUN, trouble.takeFault().code());
    }

    @Test
    void reportsFromManyThreadsAreNeitherLostNorDoubled() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                trouble.report(FaultCode.MOTOR_WATCHDOG, Thread.currentThread().getName());
                trouble.estopOpened();
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(trouble.takeFault() != null);
        assertNull(trouble.takeFault());
        assertTrue(trouble.takeEstop());
        assertFalse(trouble.takeEstop());
    }

    @Test
    void aGateNeedsItsPortAndItsReports() {
        assertThrows(IllegalArgumentException.class, () -> new MotorGate(null, trouble));
        assertThrows(IllegalArgumentException.class, () -> new MotorGate(bridge, null));
    }
}

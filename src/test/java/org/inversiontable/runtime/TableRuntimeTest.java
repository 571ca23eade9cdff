package org.inversiontable.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TickRecord;
import org.inversiontable.process.TableProcess;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.session.JournalState;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.session.SessionSnapshot;
import org.inversiontable.time.ManualClock;
import org.inversiontable.time.SystemClock;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §12 through the whole runtime: the controller, the supervisor and the session keeper of
 * {@code ControllerAssembly} behind hand-written ports. Real threads wait on latches with
 * generous timeouts; nothing depends on the machine's speed.
 */
class TableRuntimeTest {
    private static final long PERIOD = ControlLoop.PERIOD_NANOS;
    private static final long TIMEOUT_S = 30;

    @TempDir
    Path dir;

    private final FakeTable table = new FakeTable();
    private final FakeTable.RecordingExit exit = new FakeTable.RecordingExit();
    private final AuxiliaryFailures failures = new AuxiliaryFailures();
    private TableRuntime runtime;

    @AfterEach
    void stop() {
        table.files.release();
        if (runtime != null) {
            runtime.close();
        }
    }

    private TableRuntime.Builder realTime(AsyncSessionStorage storage, TableProcess process) {
        return TableRuntime.builder(process, storage).exit(exit).failures(failures)
                .closeRecorder(() -> table.events.add("recorder"))
                .closeHardware(() -> table.events.add("hardware"));
    }

    private SessionSnapshot journaled() {
        return assertInstanceOf(JournalState.Loaded.class, new SessionJournal(dir).load()).snapshot();
    }

    @Test
    void aTickLateByMoreThanThreePeriodsLatchesLoopOverrunThroughTheSupervisor() {
        ManualClock clock = new ManualClock(1_000_000_000L);
        AsyncSessionStorage storage = new AsyncSessionStorage(clock, row -> { }, failures);
        TableProcess process = table.process(clock, dir, storage);
        List<TickRecord> records = new ArrayList<>();
        AtomicReference<TableRuntime> self = new AtomicReference<>();
        runtime = TableRuntime.builder(process, storage).clock(clock).controlParker(clock::advanceNanos).exit(exit)
                .hooks(new TickHooks() {
                    @Override
                    public void beforeTick(long nowNanos) {
                        if (records.size() == 50) {
                            clock.advanceNanos(35_000_000L); // this tick reads its inputs 3.5 periods late
                        }
                    }

                    @Override
                    public void afterTick(TickRecord record) {
                        records.add(record.copy()); // the loop refills its record every tick
                        if (records.size() == 100) {
                            self.get().requestStop();
                        }
                    }
                }).build();
        self.set(runtime);
        runtime.runControl(); // the control thread's body, on this thread and the fake clock

        for (int i = 0; i < 50; i++) {
            assertNull(records.get(i).fault(), "tick " + i + " was on time");
        }
        assertEquals(45_000_000L, records.get(50).timeNanos() - records.get(49).timeNanos());
        assertEquals(FaultCode.LOOP_OVERRUN, records.get(50).fault(), "latched on the late tick itself");
        assertEquals(FaultCode.LOOP_OVERRUN, records.get(99).fault(), "and latched");
        String cause = process.loop().supervisor().faultCause();
        assertTrue(cause.contains("45.0 ms"), cause);
        assertEquals(PERIOD, records.get(52).timeNanos() - records.get(51).timeNanos(), "then on its period again");
        assertEquals(List.of(), exit.calls, "a fault is the supervisor's business, not a failure of the runtime");
    }

    @Test
    void aJournalWriteThatBlocksFor500msDoesNotDelayATick() throws Exception {
        FakeTable.journalARunningSession(dir);
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> { }, failures);
        TableProcess process = table.process(new SystemClock(), dir, storage);
        long[] tickTimes = new long[100_000]; // confined to the control thread until close() joins it
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger ticksWhileBlocked = new AtomicInteger();
        CountDownLatch fiftyTicksWhileBlocked = new CountDownLatch(1);
        table.files.blockNextJournal(); // the first save after boot: the restored session, on the first tick
        runtime = realTime(storage, process).hooks(new TickHooks() {
            @Override
            public void afterTick(TickRecord record) {
                int n = ticks.getAndIncrement();
                if (n < tickTimes.length) {
                    tickTimes[n] = record.timeNanos();
                }
                if (table.files.blocked && ticksWhileBlocked.incrementAndGet() == 50) {
                    fiftyTicksWhileBlocked.countDown();
                }
            }
        }).build();
        runtime.start();

        assertTrue(table.files.entered.await(TIMEOUT_S, TimeUnit.SECONDS), "the writer met the blocked fsync");
        // 50 ticks = 500 ms of ticking while the journal's fsync has not returned.
        assertTrue(fiftyTicksWhileBlocked.await(TIMEOUT_S, TimeUnit.SECONDS),
                "the control thread kept ticking while the journal write was blocked");
        table.files.release();
        runtime.close();

        int n = Math.min(ticks.get(), tickTimes.length);
        long maxGapNanos = 0;
        for (int i = 1; i < n; i++) {
            maxGapNanos = Math.max(maxGapNanos, tickTimes[i] - tickTimes[i - 1]);
        }
        // Were the write on the control thread, one gap would be the whole block (>= 500 ms). The
        // SPEC's bound is 3 periods; this machine is shared, so the test allows the scheduler more.
        assertTrue(maxGapNanos < 250_000_000L, "largest gap between ticks: " + maxGapNanos / 1e6 + " ms; "
                + runtime.periodStats());
        SessionSnapshot onDisk = journaled();
        assertTrue(onDisk.active());
        assertEquals(process.loop().supervisor().invertedS(), onDisk.invertedS(), 1e-9,
                "the journal holds the latest count once the write is released");
        assertTrue(onDisk.invertedS() > 10.0, "the count went on from the journal's 10 s: " + onDisk.invertedS());
        assertFalse(runtime.failed());
        assertEquals(List.of(), exit.calls);
    }

    @Test
    void anExceptionThrownInATickCutsTheMotorAndExitsWithOne() throws Exception {
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> { }, failures);
        TableProcess process = table.process(new SystemClock(), dir, storage);
        AtomicInteger ticks = new AtomicInteger();
        runtime = realTime(storage, process).hooks(new TickHooks() {
            @Override
            public void beforeTick(long nowNanos) {
                if (ticks.incrementAndGet() == 20) {
                    throw new IllegalStateException("a bug in the tick");
                }
            }
        }).build();
        runtime.start();

        assertTrue(exit.called.await(TIMEOUT_S, TimeUnit.SECONDS), "the process is ended");
        assertEquals(List.of("exit 1"), exit.calls);
        assertTrue(table.motor.inhibited(), "the motor is cut");
        assertFalse(table.motor.output().enabled());
        assertTrue(runtime.failed());
        assertEquals(20, ticks.get(), "no tick after the failure");

        // System.exit(1) runs the shutdown hook: the orderly stop, and the status stays 1.
        runtime.onJvmShutdown();
        assertEquals(List.of("exit 1"), exit.calls, "no exit 0 after a failure");
        assertEquals("hardware", table.events.get(table.events.size() - 1), "the outputs' shutdown states");
    }

    @Test
    void aFailingRecorderSinkIsReportedAndTheTicksGoOn() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        AuxiliaryFailures heard = new AuxiliaryFailures(f -> reported.countDown());
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> {
            throw new IllegalStateException("the recorder's disk is gone");
        }, heard);
        TableProcess process = table.process(new SystemClock(), dir, storage);
        TraceRow row = new TraceRow(0, "IDLE", 0, 0, 0, false, 0, false, true, null, null, true, 70, 900, null);
        AtomicInteger ticksAfterReport = new AtomicInteger();
        CountDownLatch twentyMore = new CountDownLatch(1);
        runtime = TableRuntime.builder(process, storage).exit(exit).failures(heard).hooks(new TickHooks() {
            @Override
            public void afterTick(TickRecord record) {
                storage.offerRow(row);
                if (reported.getCount() == 0 && ticksAfterReport.incrementAndGet() == 20) {
                    twentyMore.countDown();
                }
            }
        }).build();
        runtime.start();

        assertTrue(reported.await(TIMEOUT_S, TimeUnit.SECONDS), "the failure is reported");
        assertTrue(twentyMore.await(TIMEOUT_S, TimeUnit.SECONDS), "the table goes on");
        assertEquals("the flight recorder", runtime.failures().list().get(0).what());
        assertFalse(runtime.failed());
        assertEquals(List.of(), exit.calls);
        assertFalse(table.motor.inhibited(), "an auxiliary failure does not cut the motor");
    }

    @Test
    void anOrderlyStopCutsTheMotorThenFlushesTheJournalAndRecorderThenClosesTheHardware() throws Exception {
        FakeTable.journalARunningSession(dir);
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> { }, failures);
        TableProcess process = table.process(new SystemClock(), dir, storage);
        CountDownLatch ticking = new CountDownLatch(30);
        runtime = realTime(storage, process).hooks(new TickHooks() {
            @Override
            public void afterTick(TickRecord record) {
                ticking.countDown();
            }
        }).build();
        runtime.start();
        assertTrue(ticking.await(TIMEOUT_S, TimeUnit.SECONDS));

        runtime.onJvmShutdown(); // what SIGTERM and Ctrl-C run

        List<String> events = List.copyOf(table.events);
        int motorOff = events.indexOf("motor off");
        int lastJournal = events.lastIndexOf("journal");
        assertTrue(motorOff >= 0 && motorOff < lastJournal && lastJournal < events.indexOf("recorder")
                && events.indexOf("recorder") < events.indexOf("hardware"),
                "motor off, then the journal, the recorder, then the hardware: " + events);
        assertEquals("hardware", events.get(events.size() - 1));
        assertEquals(process.loop().supervisor().invertedS(), journaled().invertedS(), 1e-9,
                "the session as it stood at the last tick");
        assertEquals(List.of("halt 0"), exit.calls, "SIGTERM ends with 0");
        long ticksAtStop = runtime.ticks();
        runtime.close();
        assertEquals(ticksAtStop, runtime.ticks(), "the control thread has stopped");
        assertEquals(1, events.stream().filter("hardware"::equals).count());
        assertEquals(1, table.events.stream().filter("hardware"::equals).count(), "a second close does nothing");
    }

    @Test
    void theHBridgeWatchdogIsPolledByItsOwnThread() throws Exception {
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> { }, failures);
        runtime = realTime(storage, table.process(new SystemClock(), dir, storage)).build();
        runtime.start();
        assertTrue(table.motor.polled.await(TIMEOUT_S, TimeUnit.SECONDS), "polled every few ms");
        assertEquals("table-watchdog", table.motor.pollingThread.getName());
    }

    @Test
    void anEstopPathThatThrowsEndsTheProcessWithOne() throws Exception {
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> { }, failures);
        TableProcess process = table.process(new SystemClock(), dir, storage);
        runtime = realTime(storage, process).build();
        runtime.start();
        table.motor.broken = true;
        try {
            process.loop().gate().onEstopEvent(); // what the e-stop's input event runs
        } catch (IllegalStateException expected) {
            // rethrown to the input's event thread, after the runtime heard of it
        }
        assertTrue(exit.called.await(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals(List.of("exit 1"), exit.calls);
        assertTrue(runtime.failed());
        table.motor.broken = false;
    }

    @Test
    void aWriterStuckForMoreThanASecondShowsAsWriterBehindInATicksRow() throws Exception {
        FakeTable.journalARunningSession(dir);
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> { }, failures);
        TableProcess process = table.process(new SystemClock(), dir, storage);
        CountDownLatch shown = new CountDownLatch(1);
        table.files.blockNextJournal();
        runtime = realTime(storage, process).hooks(new TickHooks() {
            @Override
            public void afterTick(TickRecord record) {
                if (record.event() == TableEvent.WRITER_BEHIND) {
                    shown.countDown();
                }
            }
        }).build();
        runtime.start();
        assertTrue(table.files.entered.await(TIMEOUT_S, TimeUnit.SECONDS));
        // The watchdog thread finds the journal waiting > 1 s; a later row shows it.
        assertTrue(shown.await(TIMEOUT_S, TimeUnit.SECONDS), "writer_behind in a row");
        assertFalse(runtime.failed());
    }

    @Test
    void aJournalTheDiskRefusesShowsAsJournalErrorInALaterRow() throws Exception {
        FakeTable.journalARunningSession(dir);
        table.files.failing = true;
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> { }, failures);
        TableProcess process = table.process(new SystemClock(), dir, storage);
        CountDownLatch shown = new CountDownLatch(1);
        runtime = realTime(storage, process).hooks(new TickHooks() {
            @Override
            public void afterTick(TickRecord record) {
                if (record.event() == TableEvent.JOURNAL_ERROR) {
                    shown.countDown();
                }
            }
        }).build();
        runtime.start();
        assertTrue(shown.await(TIMEOUT_S, TimeUnit.SECONDS), "journal_error in a row");
        assertFalse(runtime.failed());
        assertEquals(List.of(), runtime.failures().list(), "a full disk is not a failed thread");
    }
}

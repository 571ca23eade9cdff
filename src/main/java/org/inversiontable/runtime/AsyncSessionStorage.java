package org.inversiontable.runtime;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.inversiontable.process.SessionStorage;
import org.inversiontable.process.SessionWriter;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.SessionSnapshot;
import org.inversiontable.time.Clock;
import org.inversiontable.trace.TraceRow;
import org.tinylog.Logger;

/**
 * The session's writes and the flight recorder's rows on one writer thread (SPEC §12), so that
 * nothing that can block runs on the control thread: the journal is a latest-wins slot, history
 * lines and recorder rows are FIFO queues (none lost), the preset a latest-wins slot. The
 * control thread only hands over (a few non-blocking queue operations); the writer thread writes
 * through the {@link SessionWriter}, which keeps the rules of SPEC §7 (journal_error once per
 * episode, refused history lines kept and retried).
 *
 * <pre>{@code
 * AsyncSessionStorage storage = new AsyncSessionStorage(clock, recorder::write, failures);
 * TableProcess process = ControllerAssembly.start(config, hw, clock, wallClock, dir, files, storage::of);
 * storage.start();                      // TableRuntime.start() does it
 * storage.offerRow(row);                // the control thread, after each tick
 * storage.checkBehind(nowNanos);        // the watchdog thread, every few ms
 * storage.close(TimeUnit.SECONDS.toNanos(5));  // writes what is queued, then stops
 * }</pre>
 *
 * <p>The crash order of SPEC §7 holds here too: the writer takes the journal slot first, then
 * writes every history line queued, then the journal it took. A line queued before the snapshot
 * that ends its session is therefore on disk before that snapshot.
 *
 * <p>Thread-safety: one producer (the control thread; after it stops, the thread that stopped it)
 * hands over through {@link AtomicReference} slots and {@link ConcurrentLinkedQueue}s; one writer
 * thread consumes them; {@link #checkBehind} is called by one monitoring thread (the runtime's
 * watchdog thread), and its episode flag is confined to it; failures come back through atomics.
 * A recorder sink that throws is reported as an auxiliary failure and gets no more rows; the
 * journal goes on. Queues are unbounded: a stalled writer is reported after 1 s
 * ({@code writer_behind}) rather than dropping history or rows.
 */
public final class AsyncSessionStorage implements SessionStorage {
    /** SPEC §12: the oldest write waiting longer than this is reported. */
    public static final long BEHIND_LIMIT_NANOS = 1_000_000_000L;
    /** How long the writer sleeps when idle: recorder rows are not signalled one by one. */
    static final long IDLE_PARK_NANOS = 2_000_000L;
    private static final long NOTHING = Long.MAX_VALUE;
    /** Rows written between two looks at the journal: 1 s of ticks. */
    static final int ROWS_PER_ROUND = 100;

    /** An item and the time it (or the first item it replaced, for a slot) was handed over. */
    private record Stamped<T>(T item, long sinceNanos) {
    }

    private final Clock clock;
    private final Consumer<TraceRow> recorder;
    private final AuxiliaryFailures failures;
    private final AtomicReference<SessionWriter> writes = new AtomicReference<>();
    private final AtomicReference<Stamped<SessionSnapshot>> journalSlot = new AtomicReference<>();
    private final AtomicReference<Stamped<Double>> presetSlot = new AtomicReference<>();
    private final Queue<Stamped<HistoryRecord>> history = new ConcurrentLinkedQueue<>();
    private final Queue<Stamped<TraceRow>> rows = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean behindToShow = new AtomicBoolean();
    private final AtomicLong droppedRows = new AtomicLong();
    private final Thread thread = new Thread(this::run, "table-writer");
    /** The hand-over time of the oldest item the writer has taken but not yet written. */
    private volatile long inFlightSinceNanos = NOTHING;
    private volatile boolean stopping;
    private volatile boolean recorderFailed;
    /** Confined to the thread that calls {@link #checkBehind}. */
    private boolean behindEpisode;

    /**
     * @param clock    stamps each hand-over (the runtime's clock)
     * @param recorder the flight recorder's sink, called on the writer thread in tick order
     * @param failures where a failing recorder sink or writer is reported
     */
    public AsyncSessionStorage(Clock clock, Consumer<TraceRow> recorder, AuxiliaryFailures failures) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.failures = Objects.requireNonNull(failures, "failures");
        thread.setDaemon(true);
    }

    /**
     * This storage, writing through {@code sessionWriter}: the factory that {@code
     * ControllerAssembly.start} takes ({@code storage::of}). Once, before {@link #start()}.
     */
    public SessionStorage of(SessionWriter sessionWriter) {
        if (!writes.compareAndSet(null, Objects.requireNonNull(sessionWriter, "sessionWriter"))) {
            throw new IllegalStateException("this storage already writes for a session keeper");
        }
        return this;
    }

    /** Starts the writer thread. */
    public void start() {
        thread.start();
    }

    @Override
    public void journal(SessionSnapshot snapshot) {
        replace(journalSlot, snapshot);
        LockSupport.unpark(thread);
    }

    @Override
    public void appendHistory(HistoryRecord line) {
        history.add(new Stamped<>(line, clock.nanoTime()));
        LockSupport.unpark(thread);
    }

    @Override
    public void savePreset(double presetDeg) {
        replace(presetSlot, presetDeg);
        LockSupport.unpark(thread);
    }

    /** Queues a recorder row for the sink (dropped, and counted, once the sink has failed). */
    public void offerRow(TraceRow row) {
        if (recorderFailed) {
            droppedRows.incrementAndGet();
            return;
        }
        rows.add(new Stamped<>(row, clock.nanoTime()));
    }

    /** Latest wins, but the wait counts from the first value not yet written. */
    private <T> void replace(AtomicReference<Stamped<T>> slot, T value) {
        long now = clock.nanoTime();
        Stamped<T> previous;
        Stamped<T> next;
        do {
            previous = slot.get();
            next = new Stamped<>(value, previous == null ? now : previous.sinceNanos());
        } while (!slot.compareAndSet(previous, next));
    }

    @Override
    public TableEvent pollEvent() {
        SessionWriter w = writes.get();
        if (w != null && w.takeErrorToShow()) {
            return TableEvent.JOURNAL_ERROR;
        }
        if (behindToShow.get() && behindToShow.getAndSet(false)) {
            return TableEvent.WRITER_BEHIND;
        }
        return null;
    }

    /**
     * Reports, once per episode, a write that has waited more than {@link #BEHIND_LIMIT_NANOS}
     * (logged here, shown as {@code writer_behind} in a later row). One monitoring thread.
     */
    public void checkBehind(long nowNanos) {
        long oldest = oldestWaitingSinceNanos();
        boolean behind = oldest != NOTHING && nowNanos - oldest > BEHIND_LIMIT_NANOS;
        if (behind && !behindEpisode) {
            behindEpisode = true;
            behindToShow.set(true);
            Logger.warn("The writer thread is {} ms behind (journal, history or recorder): a restart now may lose "
                    + "more than one second of the session; is the disk slow or failing?",
                    (nowNanos - oldest) / 1_000_000L);
        } else if (!behind && behindEpisode) {
            behindEpisode = false;
            Logger.info("The writer thread has caught up");
        }
    }

    private long oldestWaitingSinceNanos() {
        long oldest = inFlightSinceNanos;
        oldest = Math.min(oldest, since(journalSlot.get()));
        oldest = Math.min(oldest, since(presetSlot.get()));
        oldest = Math.min(oldest, since(history.peek()));
        return Math.min(oldest, since(rows.peek()));
    }

    private static long since(Stamped<?> s) {
        return s == null ? NOTHING : s.sinceNanos();
    }

    /** Recorder rows not recorded because the sink failed (the row it failed on included). */
    public long droppedRows() {
        return droppedRows.get();
    }

    /**
     * Writes everything handed over so far, then stops the writer thread; waits at most {@code
     * timeoutNanos}. Call once the producer has stopped. Not started: the caller's thread writes.
     *
     * @return true when everything was written in time
     */
    public boolean close(long timeoutNanos) {
        stopping = true;
        if (thread.getState() == Thread.State.NEW) {
            while (drainOnce()) {
                // the caller's thread writes what is left
            }
            return true;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(Math.max(1L, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        try {
            while (true) {
                boolean stop = stopping;
                if (!drainOnce()) {
                    if (stop) {
                        return;
                    }
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
        } catch (Throwable t) {
            failures.report("the writer thread (journal, history, recorder)", t);
        }
    }

    /** One round of writes; false when there was nothing to write. */
    private boolean drainOnce() {
        boolean worked = false;
        // The journal is taken first, so that every history line queued before it goes first.
        long heldSince = since(journalSlot.get());
        inFlightSinceNanos = heldSince;
        Stamped<SessionSnapshot> journal = journalSlot.getAndSet(null);
        for (Stamped<HistoryRecord> line = history.peek(); line != null; line = history.peek()) {
            inFlightSinceNanos = Math.min(heldSince, line.sinceNanos());
            history.poll();
            HistoryRecord item = line.item();
            writeSession(w -> w.appendHistory(item));
            worked = true;
        }
        if (journal != null) {
            inFlightSinceNanos = journal.sinceNanos();
            writeSession(w -> w.journal(journal.item()));
            worked = true;
        }
        inFlightSinceNanos = NOTHING;
        inFlightSinceNanos = since(presetSlot.get());
        Stamped<Double> preset = presetSlot.getAndSet(null);
        if (preset != null) {
            writeSession(w -> w.savePreset(preset.item()));
            inFlightSinceNanos = NOTHING;
            worked = true;
        }
        // Bounded per round: a sink slower than the ticks must not keep the journal waiting.
        int n = 0;
        for (Stamped<TraceRow> row = rows.peek(); row != null && n < ROWS_PER_ROUND; row = rows.peek(), n++) {
            inFlightSinceNanos = row.sinceNanos();
            rows.poll();
            record(row.item());
            worked = true;
        }
        inFlightSinceNanos = NOTHING;
        return worked;
    }

    private void writeSession(Consumer<SessionWriter> write) {
        SessionWriter w = writes.get();
        if (w == null) {
            return;
        }
        try {
            write.accept(w);
        } catch (RuntimeException e) {
            // A bug, not a disk problem (those the SessionWriter handles): report, keep writing.
            failures.report("the session writer", e);
        }
    }

    private void record(TraceRow row) {
        if (recorderFailed) {
            droppedRows.incrementAndGet();
            return;
        }
        try {
            recorder.accept(row);
        } catch (RuntimeException e) {
            recorderFailed = true;
            droppedRows.incrementAndGet();
            failures.report("the flight recorder", e);
        }
    }
}

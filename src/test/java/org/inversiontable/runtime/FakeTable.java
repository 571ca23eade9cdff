package org.inversiontable.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.ControlPanel;
import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.Heartbeat;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.process.TableProcess;
import org.inversiontable.session.DurableFileSystem;
import org.inversiontable.session.JournalWriteException;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.session.SessionSnapshot;
import org.inversiontable.time.Clock;

/**
 * A table for the runtime's tests: hand-written ports (thread-safe: volatile fields, a
 * synchronized H-bridge), inverted at 30 deg and still, and a journal directory whose file system
 * can block a journal write or log its commits. Everything that matters to the order of a
 * shutdown goes into one {@link #events} log.
 */
final class FakeTable {
    /** "motor off", "journal", "hardware": what a shutdown did, in order. */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Motor motor = new Motor();
    final BlockingFiles files = new BlockingFiles();
    volatile TiltReading tilt = TiltReading.fresh(30.0, 1.0);

    TableHardware hardware() {
        ControlPanel panel = new ControlPanel() {
            @Override
            public PanelReading read() {
                return new PanelReading(false, false, 0);
            }

            @Override
            public void onEstopOpened(Runnable action) {
                // no e-stop in these tests
            }
        };
        Heartbeat heartbeat = new Heartbeat() {
            private volatile boolean high;

            @Override
            public void toggle() {
                high = !high;
            }

            @Override
            public boolean high() {
                return high;
            }
        };
        return new TableHardware(() -> tilt, panel, motor, (led, buzzer) -> { }, heartbeat);
    }

    /** A session that was running when the process stopped: 10 s inverted so far. */
    static void journalARunningSession(Path dir) throws JournalWriteException {
        new SessionJournal(dir).save(new SessionSnapshot(1, Instant.parse("2026-01-05T08:00:00Z").toEpochMilli(),
                10.0, 30.0, true, false));
    }

    TableProcess process(Clock clock, Path dir, AsyncSessionStorage storage) {
        return ControllerAssembly.start(Config.defaults(), hardware(), clock, java.time.Clock.systemUTC(), dir, files,
                storage::of);
    }

    /** The H-bridge: logs its cuts; a 50 ms refresh watchdog like the real one's. */
    final class Motor implements HBridge {
        private MotorCommand output = MotorCommand.OFF;
        private boolean inhibited;
        private boolean refreshed;
        private long lastApplyNanos;
        /** Counted down by each watchdog poll. */
        final CountDownLatch polled = new CountDownLatch(10);
        volatile Thread pollingThread;
        /** A broken driver: its inhibit throws. */
        volatile boolean broken;

        @Override
        public synchronized void apply(MotorCommand command, long nowNanos) {
            output = inhibited ? MotorCommand.OFF : command;
            refreshed = true;
            lastApplyNanos = nowNanos;
        }

        @Override
        public synchronized void inhibit() {
            if (broken) {
                throw new IllegalStateException("the H-bridge driver is broken");
            }
            inhibited = true;
            output = MotorCommand.OFF;
            events.add("motor off");
        }

        @Override
        public synchronized void clearInhibit() {
            inhibited = false;
        }

        @Override
        public synchronized boolean inhibited() {
            return inhibited;
        }

        @Override
        public synchronized boolean pollWatchdog(long nowNanos) {
            pollingThread = Thread.currentThread();
            polled.countDown();
            if (!refreshed || nowNanos - lastApplyNanos < WATCHDOG_TIMEOUT_NANOS || !output.enabled()) {
                return false;
            }
            output = MotorCommand.OFF;
            return true;
        }

        @Override
        public synchronized MotorCommand output() {
            return output;
        }
    }

    /**
     * The real file system; can hold the next journal's fsync until released (as an SD card
     * holds one for tens of ms, here for as long as the test likes), or refuse every journal.
     */
    final class BlockingFiles implements DurableFileSystem {
        private final NioDurableFileSystem real = new NioDurableFileSystem();
        final AtomicInteger journalCommits = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean blockNext;
        volatile boolean blocked;
        volatile boolean failing;
        /** Run on each journal commit, before the rename (the history's state at that moment). */
        volatile Runnable onCommit = () -> { };

        void blockNextJournal() {
            blockNext = true;
        }

        void release() {
            blocked = false;
            release.countDown();
        }

        @Override
        public void createDirectories(Path dir) throws IOException {
            real.createDirectories(dir);
        }

        @Override
        public void write(Path file, byte[] content) throws IOException {
            if (failing) {
                throw new IOException("No space left on device");
            }
            real.write(file, content);
        }

        @Override
        public void force(Path file) throws IOException {
            if (blockNext && file.getFileName().toString().startsWith(SessionJournal.FILE_NAME)) {
                blockNext = false;
                blocked = true;
                entered.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the test never released the blocked write");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            real.force(file);
        }

        @Override
        public void atomicMove(Path source, Path target) throws IOException {
            boolean journal = target.getFileName().toString().equals(SessionJournal.FILE_NAME);
            if (journal) {
                onCommit.run();
            }
            real.atomicMove(source, target);
            if (journal) {
                journalCommits.incrementAndGet();
                events.add("journal");
            }
        }

        @Override
        public void forceDirectory(Path dir) throws IOException {
            real.forceDirectory(dir);
        }

        @Override
        public Optional<byte[]> read(Path file, int maxBytes) throws IOException {
            return real.read(file, maxBytes);
        }

        @Override
        public void deleteIfExists(Path file) throws IOException {
            real.deleteIfExists(file);
        }
    }

    /** Records how the runtime ended the process, instead of ending the JVM that runs the tests. */
    static final class RecordingExit implements ProcessExit {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch called = new CountDownLatch(1);

        @Override
        public void exit(int status) {
            calls.add("exit " + status);
            called.countDown();
        }

        @Override
        public void halt(int status) {
            calls.add("halt " + status);
            called.countDown();
        }
    }
}

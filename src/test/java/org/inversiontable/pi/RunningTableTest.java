package org.inversiontable.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.inversiontable.runtime.Parker;
import org.inversiontable.runtime.ProcessExit;
import org.inversiontable.time.SystemClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table under the runtime once the self-test has passed, on Pi4J's mock providers: READY
 * only after the self-test, when the runtime has started; STOPPING at the orderly stop; the
 * journal and the flight recorder in the state directory.
 */
class RunningTableTest {
    @TempDir
    Path state;

    @Test
    void readyComesAfterTheSelfTestAndStoppingAtTheOrderlyStop() throws Exception {
        WatchdogPingerTest.RecordingNotifier notifier = new WatchdogPingerTest.RecordingNotifier();
        List<Integer> exits = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProcessExit recorded = new ProcessExit() {
            @Override
            public void exit(int status) {
                exits.add(status);
            }

            @Override
            public void halt(int status) {
                exits.add(status);
            }
        };
        MockTableBench bench = new MockTableBench(true);
        SelfTest.Report report = bench.selfTest().run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertTrue(!report.failed());
        assertEquals(List.of(), notifier.sent, "nothing is READY during the self-test");

        // The runtime needs a real clock; the bench's manual one stays with the self-test.
        RunningTable running = RunningTable.start(bench.config, bench.table, state, state, new SystemClock(), Parker.SYSTEM, notifier,
                OptionalLong.of(TimeUnit.MILLISECONDS.toNanos(1)), recorded);
        try {
            assertEquals("READY=1", notifier.sent.get(0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!notifier.sent.contains("WATCHDOG=1") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(notifier.sent.contains("WATCHDOG=1"), "pinged from the control thread: " + notifier.sent);
        } finally {
            running.close();
        }
        assertEquals("STOPPING=1", notifier.sent.get(notifier.sent.size() - 1));
        assertEquals(1, notifier.sent.stream().filter("STOPPING=1"::equals).count());
        assertTrue(Files.exists(running.recorderDirectory()), "the flight recorder lives in the state directory");
        assertTrue(running.recorderDirectory().startsWith(state));
        assertEquals(List.of(), exits, "an orderly close ends nothing");
        List<Path> traces;
        try (var files = Files.list(running.recorderDirectory())) {
            traces = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList();
        }
        assertEquals(1, traces.size(), traces.toString());
        String firstRow = Files.readAllLines(traces.get(0)).get(0);
        // Nobody knows a real table's true angle: the row says so rather than inventing one.
        assertTrue(firstRow.contains("\"angle_true_deg\":null"), firstRow);
        assertTrue(firstRow.contains("\"boot_"), "the first row carries the boot record: " + firstRow);

        assertTrue(!running.failed());
    }
}

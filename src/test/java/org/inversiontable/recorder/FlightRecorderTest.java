package org.inversiontable.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.replay.Replay;
import org.inversiontable.scenario.ButtonAction;
import org.inversiontable.scenario.PowerCycleAction;
import org.inversiontable.scenario.SimulatedSession;
import org.inversiontable.scenario.StartState;
import org.inversiontable.trace.TraceReader;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §12's flight recorder: the trace of the last sessions within a bounded size, newest kept,
 * in files that replay; its disk trouble stops the recording and never reaches the caller.
 */
class FlightRecorderTest {
    private static final long S = 1_000_000_000L;
    private static final long KB = 1L << 10;
    private static final FlightRecorder.UsableSpace ROOMY = d -> 1L << 40;

    @TempDir
    Path dir;

    /**
     * Sessions on the simulated table, one process start every {@code processS} seconds (a
     * power-cycle), each going down and back up; every row goes to {@code sink}.
     */
    private static void sessions(int processes, long processS, java.util.function.Consumer<TraceRow> sink) {
        try (SimulatedSession table = new SimulatedSession(Config.defaults(), StartState.defaults())) {
            long t = 0;
            for (int p = 0; p < processes; p++) {
                if (p > 0) {
                    table.apply(new PowerCycleAction());
                }
                table.runUntil(t + S, sink);
                table.apply(new ButtonAction(Button.DOWN, true));
                table.runUntil(t + 3 * S, sink);
                table.apply(new ButtonAction(Button.DOWN, false));
                table.apply(new ButtonAction(Button.HOME, true));
                table.runUntil(t + 3 * S + S / 10, sink);
                table.apply(new ButtonAction(Button.HOME, false));
                t += processS * S;
                table.runUntil(t, sink);
            }
        }
    }

    private static long sizeOnDisk(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static int replay(Path trace, ByteArrayOutputStream err) {
        return new Replay().run(trace, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void manySessionsNeverExceedTheBoundAndTheNewestAreKept() throws Exception {
        long bound = 1024 * KB;
        Path recorded = dir.resolve("recorder");
        List<TraceRow> last = new ArrayList<>();
        long[] rows = {0};
        long[] largest = {0};
        try (FlightRecorder recorder = new FlightRecorder(recorded, bound, bound / 4, ROOMY)) {
            sessions(40, 6, row -> {
                recorder.accept(row);
                if (++rows[0] % 200 == 0) {
                    recorder.flush();
                    try {
                        largest[0] = Math.max(largest[0], sizeOnDisk(recorded));
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
                assertTrue(recorder.totalBytes() <= bound, recorder.totalBytes() + " bytes counted");
                last.add(row);
                if (last.size() > 600) {
                    last.remove(0);
                }
            });
            assertTrue(recorder.problem().isEmpty(), recorder.problem().toString());
        }
        assertTrue(largest[0] > bound / 2, "the run filled the recorder: " + largest[0]);
        assertTrue(largest[0] <= bound, largest[0] + " bytes on disk, bound " + bound);
        assertTrue(sizeOnDisk(recorded) <= bound);
        assertTrue(rows[0] * 400 > 8 * bound, "far more was recorded than kept: " + rows[0] + " rows");

        List<Path> kept;
        try (Stream<Path> files = Files.list(recorded)) {
            kept = files.sorted().toList();
        }
        List<TraceRow> newest = TraceReader.readAll(kept.get(kept.size() - 1));
        TraceRow lastKept = newest.get(newest.size() - 1);
        assertEquals(TraceWriter.line(last.get(last.size() - 1)), TraceWriter.line(lastKept),
                "the newest row is the last one kept");
        assertTrue(kept.get(0).getFileName().toString().compareTo("flight-000010.jsonl") > 0,
                "the oldest files went first: " + kept);
    }

    @Test
    void aFileThatBeginsAtAProcessStartReplays() throws Exception {
        Path recorded = dir.resolve("recorder");
        try (FlightRecorder recorder = new FlightRecorder(recorded, 4096 * KB, 1024 * KB, ROOMY)) {
            sessions(4, 8, recorder);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(recorded)) {
            files = s.sorted().toList();
        }
        assertEquals(4, files.size(), "one file per process start: " + files);
        for (Path f : files) {
            assertTrue(TraceReader.readAll(f).get(0).boot() != null, f + " begins at a process start");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, replay(f, err), f + ": " + err);
        }
    }

    @Test
    void aProcessLongerThanAFileIsCutAndItsFilesReplayInOrder() throws Exception {
        Path recorded = dir.resolve("recorder");
        try (FlightRecorder recorder = new FlightRecorder(recorded, 2048 * KB, 512 * KB, ROOMY)) {
            sessions(1, 40, recorder);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(recorded)) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() >= 3, "cut at 512 KB: " + files);
        for (Path f : files) {
            assertTrue(Files.size(f) <= 512 * KB, f + " is " + Files.size(f) + " bytes");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, replay(files.get(1), err), "a continuation alone has no process start");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no process start before this tick"), err.toString());

        Path whole = dir.resolve("whole.jsonl");
        for (Path f : files) {
            Files.write(whole, Files.readAllBytes(f), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        err.reset();
        assertEquals(0, replay(whole, err), err.toString());
    }

    @Test
    void filesOfAnEarlierRunCountTowardTheBoundAndTheNumberingGoesOn() throws Exception {
        Path recorded = Files.createDirectories(dir.resolve("recorder"));
        Files.write(recorded.resolve("flight-000007.jsonl"), new byte[300 * (int) KB]);
        Files.write(recorded.resolve("flight-000008.jsonl"), new byte[300 * (int) KB]);
        Files.writeString(recorded.resolve("notes.txt"), "not the recorder's");
        try (FlightRecorder recorder = new FlightRecorder(recorded, 512 * KB, 128 * KB, ROOMY)) {
            assertEquals(List.of(recorded.resolve("flight-000008.jsonl")), recorder.files(),
                    "over the bound at start: the oldest went");
            sessions(1, 2, recorder);
            assertEquals(recorded.resolve("flight-000009.jsonl"), recorder.files().get(1), "after the earlier run's");
            assertTrue(recorder.totalBytes() <= 512 * KB);
        }
        assertTrue(Files.exists(recorded.resolve("notes.txt")), "only the recorder's own files are deleted");
        assertTrue(sizeOnDisk(recorded) - "not the recorder's".length() <= 512 * KB);
    }

    @Test
    void aDirectoryThatCannotBeMadeIsReportedAndNothingThrows() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        FlightRecorder recorder = new FlightRecorder(notADir.resolve("recorder"), 512 * KB, 128 * KB, ROOMY);
        assertTrue(recorder.problem().orElseThrow().startsWith("cannot use the flight recorder directory"),
                recorder.problem().toString());
        sessions(1, 2, recorder);
        recorder.flush();
        recorder.close();
    }

    @Test
    void aDiskThatFailsMidwayStopsTheRecordingWithoutThrowing() throws Exception {
        Path recorded = dir.resolve("recorder");
        FlightRecorder recorder = new FlightRecorder(recorded, 512 * KB, 128 * KB, ROOMY);
        long[] rows = {0};
        sessions(3, 3, row -> {
            if (++rows[0] == 350) {
                // The directory vanishes (a card pulled, a remount read-only): the next process start's file fails.
                try (Stream<Path> files = Files.list(recorded)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                    Files.delete(recorded);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
            recorder.accept(row);
        });
        assertTrue(recorder.problem().orElseThrow().startsWith("the flight recorder cannot write in " + recorded),
                recorder.problem().orElseThrow());
        assertTrue(recorder.problem().orElseThrow().endsWith("recording stopped, the table goes on"));
        assertFalse(Files.exists(recorded), "it did not go on recreating files");
        recorder.flush();
        recorder.close();
    }

    @Test
    void aNearlyFullDiskIsNotFilled() {
        Path recorded = dir.resolve("recorder");
        FlightRecorder recorder = new FlightRecorder(recorded, 512 * KB, 128 * KB,
                d -> FlightRecorder.MIN_FREE_BYTES + 100 * KB);
        sessions(1, 2, recorder);
        assertTrue(recorder.problem().orElseThrow().contains("MB must stay free"), recorder.problem().toString());
        assertEquals(List.of(), recorder.files());
        recorder.close();
    }

    @Test
    void theConfigurationChoosesTheDirectoryAndTheBound() {
        Path state = dir.resolve("state");
        assertEquals(state.resolve("flight-recorder"), FlightRecorder.directory(Config.defaults(), state));
        Config config = Config.defaults().with(ConfigKey.RECORDER_DIR, dir.resolve("elsewhere").toString())
                .with(ConfigKey.RECORDER_MAX_MB, "16");
        assertEquals(dir.resolve("elsewhere"), FlightRecorder.directory(config, state));
        try (FlightRecorder recorder = FlightRecorder.open(config, state)) {
            assertEquals(dir.resolve("elsewhere"), recorder.directory());
        }
        assertEquals("200", ConfigKey.RECORDER_MAX_MB.defaultText());
    }
}

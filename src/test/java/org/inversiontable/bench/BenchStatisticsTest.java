package org.inversiontable.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's arithmetic and formats: percentiles by nearest rank, the ratio, the schedule, the report. */
class BenchStatisticsTest {
    @Test
    void percentilesAreTheNearestRankOfTheSortedValues() {
        long[] values = new long[200];
        for (int i = 0; i < 200; i++) {
            values[i] = 200 - i; // 200..1, unsorted on purpose
        }
        Distribution d = Distribution.ofNanos(values, 200);
        assertEquals(100, d.p50Nanos(), "rank ceil(0.5 * 200) = 100");
        assertEquals(198, d.p99Nanos(), "rank ceil(0.99 * 200) = 198");
        assertEquals(200, d.maxNanos());
        assertEquals(200, values[0], "the caller's values are not sorted in place");
        assertEquals(new Distribution(1, 7, 7, 7), Distribution.ofNanos(new long[] {7, 99}, 1), "only the first n");
        assertEquals(Distribution.EMPTY, Distribution.ofNanos(new long[3], 0));
        assertThrows(IllegalArgumentException.class, () -> Distribution.ofNanos(new long[] {-1}, 1));
    }

    @Test
    void theRatioOfP99sTreatsAZeroDenominatorAsOneMicrosecond() {
        assertEquals(1.5, Distribution.ratio(150, 100), 1e-12);
        assertEquals(40.0, Distribution.ratio(40, 0), 1e-12);
    }

    @Test
    void theScheduleAlternatesAbbaWithEqualTimes() {
        AlternationSchedule s = AlternationSchedule.of(10_000_000_000L, 2_000_000_000L);
        List<AlternationSchedule.Loop> order = s.slices().stream().map(AlternationSchedule.Slice::loop).toList();
        AlternationSchedule.Loop r = AlternationSchedule.Loop.RUNTIME;
        AlternationSchedule.Loop b = AlternationSchedule.Loop.BARE;
        assertEquals(List.of(r, b, b, r, r, b, b, r, r, b, b, r), order, "5 slices rounded up to an even 6 per loop");
        assertEquals(s.totalNanos(r), s.totalNanos(b));
        assertTrue(s.slices().stream().allMatch(x -> x.nanos() == s.slices().get(0).nanos()), "equal slices");
        assertEquals(4, AlternationSchedule.of(4, 2_000_000_000L).slices().size(), "at least R B B R");
    }

    @Test
    void theLastLineIsExactlyTheOneOfSpec11() {
        BenchReport report = new BenchReport();
        report.add("jitter p99 ratio, runtime / bare", "1.31", "<= 1.2", BenchReport.Verdict.NOT_MET);
        report.add("e-stop trials", "200", "", BenchReport.Verdict.REPORTED);
        report.note("measured on a loaded machine");
        String text = report.render(new BenchReport.LastLine(1.3149, 392, 38, 11_850.4, 612));
        String[] lines = text.split("\\R");
        assertEquals("bench: jitter_p99_ratio=1.31 alloc_bytes_per_tick=392 estop_p99_us=38 sim_speed_x=11850 "
                + "startup_ms=612", lines[lines.length - 1]);
        assertEquals("figure                            value  target  §11", lines[0]);
        assertEquals("jitter p99 ratio, runtime / bare   1.31  <= 1.2  NOT MET", lines[1]);
        assertEquals("e-stop trials                       200          -", lines[2]);
        assertEquals("note: measured on a loaded machine", lines[3]);
        assertTrue(lines[lines.length - 1].matches("bench: jitter_p99_ratio=\\S+ alloc_bytes_per_tick=\\d+ "
                + "estop_p99_us=\\d+ sim_speed_x=\\d+ startup_ms=-?\\d+"));
    }

    @Test
    void theShippedBenchScenarioIsTheOneTheBenchRuns() throws Exception {
        assertEquals(BenchScenario.lines(), Files.readAllLines(Path.of("scenarios/bench-15min.scenario")));
    }

    @Test
    void settingsRefuseTimesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.forSeconds(0));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.forSeconds(BenchSettings.MAX_SECONDS + 1));
    }
}

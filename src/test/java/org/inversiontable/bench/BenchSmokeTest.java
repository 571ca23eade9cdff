package org.inversiontable.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.inversiontable.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short run of each in-process part, with tiny durations: each produces its figures, finite.
 * Nothing here depends on the machine's speed: no figure is compared with a target.
 */
class BenchSmokeTest {
    @TempDir
    Path work;

    private final Config config = Config.defaults();

    @Test
    void eachInProcessPartProducesFiniteFigures() throws Exception {
        AllocationBench.Result alloc = new AllocationBench(config, work).run(200, 300);
        assertEquals(300, alloc.measuredTicks());
        for (double v : new double[] {alloc.loopTickBytes(), alloc.processTickBytes(), alloc.physicsBytesPerTick(),
                alloc.rowBuildBytes(), alloc.traceWriteBytes()}) {
            assertTrue(Double.isFinite(v) && v >= 0, "bytes per tick: " + v);
        }

        JitterBench.Result jitter = new JitterBench(config, work).run(200_000_000L,
                AlternationSchedule.of(400_000_000L, 200_000_000L));
        assertTrue(jitter.runtime().periods() > 0 && jitter.bare().periods() > 0, jitter.toString());
        assertTrue(Double.isFinite(jitter.p99Ratio()) && jitter.p99Ratio() >= 0, "ratio " + jitter.p99Ratio());

        EstopBench.Result estop = new EstopBench(config, work).run(3);
        assertEquals(3, estop.latency().count() + estop.notReady());
        assertTrue(estop.latency().count() > 0, "at least one trial armed");

        SimSpeedBench.Result speed = new SimSpeedBench(config, work, "unused: no child JVM").run(false);
        assertTrue(Double.isFinite(speed.firstRunX()) && speed.firstRunX() > 0, "speed " + speed.firstRunX());
        assertTrue(Double.isFinite(speed.withTraceX()) && speed.withTraceX() > 0);
        assertTrue(speed.expectationsHeld(), "the bench scenario runs as scripted");
    }
}

package org.inversiontable.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.Button;
import org.inversiontable.runtime.PeriodStats;
import org.inversiontable.simulator.RealTimeSimulation;
import org.inversiontable.simulator.SimulatorStatus;

/**
 * Period jitter of the real-time runtime against a bare loop (SPEC §11). The runtime is the one
 * {@code simulate} starts ({@link RealTimeSimulation}: the whole controller, the writer, watchdog
 * and display threads, the flight recorder, the physics before each tick), headless, driven
 * through {@link SessionScript}; the bare loop is {@link BareLoop}. After a warm-up of each, the
 * two alternate in the slices of an {@link AlternationSchedule}, each paused between its slices by
 * its own {@link PausableTime}, and each measured by its own {@code PeriodStats}.
 *
 * <pre>{@code
 * JitterBench.Result r = new JitterBench(config, workDir).run(warmUpNanos, AlternationSchedule.of(20e9, 2e9));
 * }</pre>
 */
final class JitterBench {
    /** How often the driver thread looks at the script: well under a button's shortest press (0.1 s). */
    private static final long DRIVE_POLL_NANOS = 20_000_000L;

    /**
     * @param faultSeen the first fault code the runtime showed while measured (a loaded machine can
     *                  make a tick late: {@code loop_overrun}), or null
     * @param jit       how long the JIT compiled while each loop was measured
     */
    record Result(PeriodStats.Summary runtime, PeriodStats.Summary bare, String faultSeen, JitDuringSlices jit) {
        double p99Ratio() {
            return Distribution.ratio(runtime.jitterP99Micros(), bare.jitterP99Micros());
        }
    }

    /**
     * The JIT compilers' time (ms, summed over their threads) while each loop ran its slices, or -1
     * each when the JVM does not tell: at 100 Hz the JIT's thresholds (thousands of calls) take
     * minutes, so the runtime's code is still being compiled during the slices of a first run
     * (100-200 ms of JIT time measured on 2026-12-01), and a compiler thread takes a core now and
     * then. Reported beside the figures, so that a reader can tell how steady the JVM was.
     */
    record JitDuringSlices(long runtimeMs, long bareMs) {
    }

    private final Config config;
    private final Path workDir;

    JitterBench(Config config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
    }

    Result run(long warmUpNanos, AlternationSchedule schedule) throws IOException, InterruptedException {
        warmUp(warmUpNanos);
        PausableTime runtimeTime = new PausableTime();
        PausableTime bareTime = new PausableTime();
        Path dir = Files.createTempDirectory(workDir, "jitter");
        RealTimeSimulation sim = RealTimeSimulation.start(config, dir, dir, RealTimeSimulation.DEFAULT_USER_KG,
                runtimeTime.clock(), runtimeTime.controlParker(), runtimeTime.followerParker());
        BareLoop bare = new BareLoop(bareTime);
        Driver driver = new Driver(sim, runtimeTime.clock().nanoTime());
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTold = jit != null && jit.isCompilationTimeMonitoringSupported();
        long[] jitMs = new long[2];
        try {
            runtimeTime.pause();
            bare.start();
            bareTime.pause();
            for (AlternationSchedule.Slice slice : schedule.slices()) {
                boolean runtime = slice.loop() == AlternationSchedule.Loop.RUNTIME;
                PausableTime time = runtime ? runtimeTime : bareTime;
                long jitBefore = jitTold ? jit.getTotalCompilationTime() : 0L;
                time.resume();
                driver.drive(time, slice.nanos(), runtime);
                time.pause();
                jitMs[runtime ? 0 : 1] += jitTold ? jit.getTotalCompilationTime() - jitBefore : 0L;
            }
            JitDuringSlices jitDuring = jitTold ? new JitDuringSlices(jitMs[0], jitMs[1]) : new JitDuringSlices(-1, -1);
            return new Result(sim.periodStats(), bare.stats().summary(), driver.faultSeen, jitDuring);
        } finally {
            runtimeTime.resume();
            bareTime.resume();
            sim.close();
            bare.stop();
        }
    }

    /** The same two loops, unmeasured, so that the JIT has compiled their paths before the slices. */
    private void warmUp(long warmUpNanos) throws IOException, InterruptedException {
        PausableTime time = new PausableTime();
        Path dir = Files.createTempDirectory(workDir, "warm-up");
        try (RealTimeSimulation sim = RealTimeSimulation.start(config, dir, dir, RealTimeSimulation.DEFAULT_USER_KG,
                time.clock(), time.controlParker(), time.followerParker())) {
            new Driver(sim, time.clock().nanoTime()).drive(time, warmUpNanos, true);
        }
        PausableTime bareTime = new PausableTime();
        BareLoop bare = new BareLoop(bareTime);
        bare.start();
        new Driver(null, 0L).drive(bareTime, warmUpNanos / 2, false);
        bare.stop();
    }

    /** Presses and releases the script's buttons on the runtime's (pausable) clock. */
    private static final class Driver {
        private final RealTimeSimulation sim;
        private final long scriptStartNanos;
        private final SessionScript script = new SessionScript();
        private int held;
        private String faultSeen;

        Driver(RealTimeSimulation sim, long scriptStartNanos) {
            this.sim = sim;
            this.scriptStartNanos = scriptStartNanos;
        }

        /** Waits {@code nanos} of wall time in short parks (alike for both loops), driving the table if asked. */
        void drive(PausableTime time, long nanos, boolean driveTable) {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                if (driveTable) {
                    follow(time.clock().nanoTime() - scriptStartNanos);
                }
                LockSupport.parkNanos(Math.min(DRIVE_POLL_NANOS, Math.max(0L, end - System.nanoTime())));
            }
        }

        private void follow(long tNanos) {
            int wanted = script.buttonsAt(tNanos);
            for (Button b : Button.values()) {
                if (b.in(wanted ^ held)) {
                    sim.setButton(b, b.in(wanted));
                }
            }
            held = wanted;
            SimulatorStatus status = sim.status();
            if (faultSeen == null && status.faultCode() != null) {
                faultSeen = status.faultCode();
            }
        }
    }
}

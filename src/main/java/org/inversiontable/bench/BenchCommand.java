package org.inversiontable.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.inversiontable.config.Config;

/**
 * {@code bench} (SPEC §8, §11): measures, in one run, the runtime's jitter against a bare loop,
 * the heap bytes a tick allocates per part, e-stop edge to motor disabled, the simulation's speed
 * and the start-up to the first tick; prints a table and, last, SPEC §11's line. Real measurements
 * only: a figure that misses its target is printed as it is.
 *
 * <p>Order matters: the simulation's speed runs first, because SPEC §11 takes the first run in a
 * fresh JVM; the figures that start child JVMs come next, before this JVM's own threads add load.
 *
 * <pre>{@code
 * int code = new BenchCommand(startupProbe).run(BenchSettings.DEFAULT, Config.defaults(), out, err);
 * }</pre>
 */
public final class BenchCommand {
    /**
     * The program the child JVMs run, given by the command line (the bench does not import it):
     * its main class, and how its {@code simulate} is asked to report its start-up.
     */
    public record StartupProbe(String mainClass, String property, String linePrefix) {
    }

    private final StartupProbe startupProbe;

    public BenchCommand(StartupProbe startupProbe) {
        this.startupProbe = startupProbe;
    }

    /** @return 0 once every part has run (whatever its figures), 1 if a part could not run */
    public int run(BenchSettings settings, Config config, PrintStream out, PrintStream err) {
        Path work;
        try {
            work = Files.createTempDirectory("inversion-table-bench");
        } catch (IOException e) {
            err.println("bench: cannot create a temporary directory: " + e.getMessage());
            return 1;
        }
        try {
            out.println("bench: " + Machine.describe());
            BenchReport report = new BenchReport();
            BenchReport.LastLine last = measure(settings, config, work, report, out);
            out.println("bench: load average at the end " + Machine.loadAverage());
            out.print(report.render(last));
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("bench: a part could not run: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench: interrupted");
            return 1;
        } finally {
            deleteTree(work);
        }
    }

    private BenchReport.LastLine measure(BenchSettings s, Config config, Path work, BenchReport report,
            PrintStream progress) throws IOException, InterruptedException {
        progress.println("bench: simulation speed (the 15-minute scenario) ...");
        SimSpeedBench.Result speed = new SimSpeedBench(config, work, startupProbe.mainClass()).run(s.childJvms());
        StartupBench.Result startup = new StartupBench.Result(-1, -1, Optional.empty(), "not run");
        Map<StartupBench.Archive, StartupBench.Result> archived = new EnumMap<>(StartupBench.Archive.class);
        if (s.childJvms()) {
            progress.println("bench: start-up of simulate in a fresh JVM, without and with the JDK's class archives ...");
            StartupBench startups = new StartupBench(work, startupProbe.mainClass(), startupProbe.property(),
                    startupProbe.linePrefix());
            startup = startups.run();
            for (StartupBench.Archive a : StartupBench.Archive.values()) {
                if (a.availableOn(Runtime.version().feature())) {
                    archived.put(a, startups.run(a));
                }
            }
        }
        progress.println("bench: allocation per tick (simulated time) ...");
        AllocationBench.Result alloc = new AllocationBench(config, work).run(6_000, s.allocTicks());
        progress.println("bench: jitter, runtime against a bare loop, " + s.jitterSecondsPerLoop()
                + " s each after a warm-up ...");
        JitterBench.Result jitter = new JitterBench(config, work).run(s.warmUpNanos(),
                AlternationSchedule.of(s.jitterSecondsPerLoop() * 1_000_000_000L, s.sliceNanos()));
        progress.println("bench: e-stop edge to motor disabled, " + s.estopTrials() + " trials ...");
        EstopBench.Result estop = new EstopBench(config, work).run(s.estopTrials());

        double ratio = jitter.p99Ratio();
        report.add("jitter p50/p99/max, runtime (us)", triple(jitter.runtime().jitterP50Micros(),
                jitter.runtime().jitterP99Micros(), jitter.runtime().jitterMaxMicros()), "", BenchReport.Verdict.REPORTED);
        report.add("jitter p50/p99/max, bare loop (us)", triple(jitter.bare().jitterP50Micros(),
                jitter.bare().jitterP99Micros(), jitter.bare().jitterMaxMicros()), "", BenchReport.Verdict.REPORTED);
        report.add("jitter p99 ratio, runtime / bare", f2(ratio), "<= 1.2", BenchReport.Verdict.of(ratio <= 1.2));
        report.add("ticks measured, runtime / bare", jitter.runtime().periods() + " / " + jitter.bare().periods(), "",
                BenchReport.Verdict.REPORTED);
        if (jitter.jit().runtimeMs() >= 0) {
            report.add("JIT time during the slices, runtime / bare (ms)", jitter.jit().runtimeMs() + " / "
                    + jitter.jit().bareMs(), "", BenchReport.Verdict.REPORTED);
        }
        long allocPerTick = Math.round(alloc.loopTickBytes());
        report.add("alloc per tick, control loop (B)", Long.toString(allocPerTick), "0",
                BenchReport.Verdict.of(allocPerTick == 0));
        report.add("alloc per tick, + session keeper (B)", f0(alloc.processTickBytes()), "", BenchReport.Verdict.REPORTED);
        report.add("alloc per tick, physics (B)", f0(alloc.physicsBytesPerTick()), "0 (goal)",
                BenchReport.Verdict.of(Math.round(alloc.physicsBytesPerTick()) == 0));
        report.add("alloc per row, trace row build (B)", f0(alloc.rowBuildBytes()), "", BenchReport.Verdict.REPORTED);
        report.add("alloc per row, trace writer (B)", f0(alloc.traceWriteBytes()), "", BenchReport.Verdict.REPORTED);
        long estopP99Us = estop.latency().p99Nanos() / 1_000L;
        report.add("e-stop to motor off p50/p99/max (us)", triple(estop.latency().p50Nanos() / 1_000L, estopP99Us,
                estop.latency().maxNanos() / 1_000L), "p99 < 1000",
                BenchReport.Verdict.of(estop.latency().count() > 0 && estop.latency().p99Nanos() < 1_000_000L));
        report.add("e-stop trials", estop.latency().count() + (estop.notReady() > 0 ? " (+" + estop.notReady()
                + " not armed)" : ""), "", BenchReport.Verdict.REPORTED);
        report.add("sim speed, 15 min, first run (x)", f0(speed.firstRunX()), ">= 10000",
                BenchReport.Verdict.of(speed.firstRunX() >= 10_000));
        report.add("sim speed, with trace (x)", f0(speed.withTraceX()), "", BenchReport.Verdict.REPORTED);
        if (s.childJvms()) {
            report.add("sim speed, fresh JVM incl. start (x)", f0(speed.childX()), "", BenchReport.Verdict.REPORTED);
            report.add("sim speed, fresh JVM + trace (x)", f0(speed.childWithTraceX()), "", BenchReport.Verdict.REPORTED);
        }
        report.add("start-up to first tick (ms)", startup.startupMs() < 0 ? "not measured"
                : Long.toString(startup.startupMs()), "reported", BenchReport.Verdict.REPORTED);
        report.add("launch to first tick, incl. exec (ms)", startup.spawnToTickMs() < 0 ? "not measured"
                : Long.toString(startup.spawnToTickMs()), "", BenchReport.Verdict.REPORTED);
        report.add("resident memory at first tick (MB)", startup.residentKb().map(kb -> f1(kb / 1024.0))
                .orElse("not measured"), "", BenchReport.Verdict.REPORTED);
        archived.forEach((archive, r) -> report.add("start-up to first tick, " + archive.label() + " (ms)",
                r.startupMs() < 0 ? "not measured" : Long.toString(r.startupMs()), "", BenchReport.Verdict.REPORTED));

        if (jitter.faultSeen() != null) {
            report.note("the runtime showed the fault " + jitter.faultSeen() + " while measured (a late tick on a "
                    + "loaded machine): its jitter figures include it");
        }
        if (!speed.expectationsHeld()) {
            report.note("the bench scenario's expectation did not hold: the simulation did not run as scripted");
        }
        speed.problems().forEach(report::note);
        if (startup.problem() != null && s.childJvms()) {
            report.note(startup.problem());
        }
        archived.values().stream().map(StartupBench.Result::problem).filter(Objects::nonNull)
                .forEach(report::note);
        if (!archived.isEmpty()) {
            report.note("start-up with an archive: a first start wrote it at its exit, the second (measured) mapped it;"
                    + " see BENCHMARKS.md for what each needs on a Pi");
        }
        report.note("the allocation meter's own cost: " + alloc.meterOverheadBytes() + " B over 10000 reads; "
                + alloc.measuredTicks() + " ticks measured after 6000 of warm-up");
        report.note("e-stop: each trial boots a fresh controller (re-arming by STOP held 2 s would take 2 s a "
                + "trial); " + estop.meanTrialMillis() + " ms a trial");
        return new BenchReport.LastLine(ratio, allocPerTick, estopP99Us, speed.firstRunX(), startup.startupMs());
    }

    private static String triple(long a, long b, long c) {
        return a + " / " + b + " / " + c;
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary directory left behind harms nothing; the figures stand.
        }
    }
}

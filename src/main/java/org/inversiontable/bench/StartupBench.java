package org.inversiontable.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Start-up (SPEC §11 {@code startup_ms}): {@code simulate} in a fresh JVM, headless, with the
 * system property that makes it print, once its first tick has run, the milliseconds since the
 * JVM's start stamp ({@code RuntimeMXBean#getStartTime}); at that line the bench reads the child's
 * resident memory from /proc, then ends its input, which quits it. Its state directory is a
 * temporary one, so the user's simulator journal is not touched.
 */
final class StartupBench {
    private static final long TIMEOUT_S = 60;

    /**
     * @param startupMs    JVM start stamp to the first tick, as the child measured it; -1 if not measured
     * @param spawnToTickMs from this process's launch of the child to reading its line (exec and pipe included)
     * @param residentKb   the child's VmRSS at that line, empty where there is no /proc
     */
    record Result(long startupMs, long spawnToTickMs, Optional<Long> residentKb, String problem) {
    }

    private final Path workDir;
    private final String property;
    private final String prefix;

    private final String mainClass;

    StartupBench(Path workDir, String mainClass, String property, String prefix) {
        this.workDir = workDir;
        this.mainClass = mainClass;
        this.property = property;
        this.prefix = prefix;
    }

    Result run() throws IOException, InterruptedException {
        Path state = Files.createTempDirectory(workDir, "simulate-state");
        ProcessBuilder pb = ChildJvm.command(mainClass, List.of("-Djava.awt.headless=true", "-D" + property + "=true"),
                List.of("simulate")).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("XDG_STATE_HOME", state.toString());
        long spawned = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    long spawnToTick = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
                    Optional<Long> rss = ChildJvm.residentKb(p.pid());
                    p.getOutputStream().close();   // end of input: simulate quits
                    long ms = Long.parseLong(line.substring(prefix.length()).trim());
                    p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
                    return new Result(ms, spawnToTick, rss, null);
                }
            }
            return new Result(-1, -1, Optional.empty(), "simulate ended without reporting its first tick (exit "
                    + (p.waitFor(TIMEOUT_S, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "none") + ")");
        } finally {
            p.destroyForcibly();
        }
    }
}

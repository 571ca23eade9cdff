package org.inversiontable.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Start-up (SPEC §11 {@code startup_ms}): {@code simulate} in a fresh JVM, headless, with the
 * system property that makes it print, once its first tick has run, the milliseconds since the
 * JVM started ({@code RuntimeMXBean#getUptime}); at that line the bench reads the child's
 * resident memory from /proc, then ends its input, which quits it. Its state directory is a
 * temporary one, so the user's simulator journal is not touched.
 *
 * <p>What the JDK's archives of loaded classes buy is measured the same way, each with a first
 * start that writes the archive at its exit and a second, measured, that maps it: AppCDS
 * ({@code -XX:+AutoCreateSharedArchive}, Java 19 and later, so any Java this program runs on) and,
 * on Java 25 and later, the AOT cache ({@code -XX:AOTCacheOutput}, JEP 483/514/515: classes loaded
 * and linked, and the JIT's profiles of the first start).
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

    /** The JDK's archives of loaded classes a start-up is measured with, beside the §11 start without one. */
    enum Archive {
        APP_CDS("AppCDS archive"), AOT_CACHE("AOT cache");

        private final String label;

        Archive(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** The AOT cache's one-step training ({@code -XX:AOTCacheOutput}) came with Java 25. */
        boolean availableOn(int javaFeature) {
            return this != AOT_CACHE || javaFeature >= 25;
        }

        /** The JVM flags of a start with the archive at {@code file}: the first start writes it, later ones map it. */
        List<String> flags(Path file, boolean training) {
            return switch (this) {
                case APP_CDS -> List.of("-XX:SharedArchiveFile=" + file, "-XX:+AutoCreateSharedArchive");
                case AOT_CACHE -> List.of((training ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + file);
            };
        }
    }

    /** {@code simulate}'s start-up with no archive: the §11 figure. */
    Result run() throws IOException, InterruptedException {
        return start(List.of());
    }

    /**
     * {@code simulate}'s start-up with {@code archive}: a first start writes it (not measured),
     * the second maps it and is measured.
     */
    Result run(Archive archive) throws IOException, InterruptedException {
        Path file = workDir.resolve("simulate-" + archive.name().toLowerCase(Locale.ROOT) + ".archive");
        Result training = start(archive.flags(file, true));
        if (training.problem() != null) {
            return training;
        }
        if (!Files.isRegularFile(file)) {
            return new Result(-1, -1, Optional.empty(), archive + ": the first start wrote no archive at " + file);
        }
        return start(archive.flags(file, false));
    }

    private Result start(List<String> archiveFlags) throws IOException, InterruptedException {
        Path state = Files.createTempDirectory(workDir, "simulate-state");
        List<String> jvmFlags = new ArrayList<>(archiveFlags);
        jvmFlags.add("-Djava.awt.headless=true");
        jvmFlags.add("-D" + property + "=true");
        ProcessBuilder pb = ChildJvm.command(mainClass, jvmFlags, List.of("simulate"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
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

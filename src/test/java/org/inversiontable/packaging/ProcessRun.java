package org.inversiontable.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished run of an outside program (a shell script, dpkg-deb, systemd-analyze): its exit
 * code, what it printed on each stream and its process id. Waits at most a minute, so that a hung
 * tool fails the test instead of the build.
 */
record ProcessRun(int exitCode, String out, String err, long pid) {
    private static final long TIMEOUT_S = 60;

    static ProcessRun run(List<String> command, Map<String, String> environment, Path workDir)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("packaging-out", ".txt");
        Path err = Files.createTempFile("packaging-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_S + " s");
            }
            return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), process.pid());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** With this JVM's environment. */
    static ProcessRun run(Path workDir, String... command) throws IOException, InterruptedException {
        return run(List.of(command), null, workDir);
    }

    /** The program's path when it is on the PATH, else null (the test that needs it is skipped). */
    static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}

package org.inversiontable.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts this program again in a fresh JVM (the same {@code java}, the same class path, so the
 * running jar when the bench runs from it), for the figures that include the JVM's own start.
 *
 * <pre>{@code
 * Process p = ChildJvm.command(mainClass, List.of("-Dx=y"), List.of("scenario", file)).start();
 * }</pre>
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static ProcessBuilder command(String mainClass, List<String> jvmOptions, List<String> programArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(programArgs);
        return new ProcessBuilder(cmd);
    }

    /** The resident memory of a process in kB, from /proc; empty where there is no /proc. */
    static Optional<Long> residentKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // No /proc (not Linux), or the process is gone: "not measured".
        }
        return Optional.empty();
    }
}

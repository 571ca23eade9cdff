package org.inversiontable.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed command {@code /usr/bin/inversion-table} (packaging/bin): which Java it picks and
 * how it starts it. Each test builds a root with the launcher at usr/bin, an empty jar at
 * usr/share/inversion-table, fake Java homes (a {@code bin/java} script that prints what it was
 * given, and a {@code release} file) and a PATH of only the few tools the script needs, so the
 * machine's own Java never takes part.
 */
class LauncherScriptTest {
    private static final Path LAUNCHER = Path.of("packaging", "bin", "inversion-table");
    private static final List<String> TOOLS = List.of("sed", "dirname", "head", "readlink");

    @TempDir
    Path root;

    private Path jvmDir;
    private Path tools;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void buildRoot() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh: the launcher is a POSIX sh script for Debian");
        Path bin = Files.createDirectories(root.resolve("usr/bin"));
        Files.copy(LAUNCHER, bin.resolve("inversion-table"));
        executable(bin.resolve("inversion-table"));
        Path share = Files.createDirectories(root.resolve("usr/share/inversion-table"));
        Files.writeString(share.resolve("inversion-table.jar"), "");
        jvmDir = Files.createDirectories(root.resolve("jvm"));
        tools = Files.createDirectories(root.resolve("tools"));
        for (String tool : TOOLS) {
            Path real = ProcessRun.onPath(tool);
            assumeTrue(real != null, tool + " is not on the PATH");
            Files.createSymbolicLink(tools.resolve(tool), real.toRealPath());
        }
        env.put("PATH", tools.toString());
        env.put("INVERSION_TABLE_JVM_DIR", jvmDir.toString());
    }

    @Test
    void aJavaHomeOf21StartsTheInstalledJarWithThePiFlags() throws Exception {
        Path jdk21 = fakeJava(root.resolve("jdk21"), "21.0.5", true);
        env.put("JAVA_HOME", jdk21.toString());

        ProcessRun run = launch("run", "--config", "/etc/inversion-table/table.conf");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(jdk21.resolve("bin/java").toString(), value(run, "java"));
        List<String> args = values(run, "arg");
        int jar = args.indexOf("-jar");
        assertTrue(jar > 0, "JVM flags, then -jar: " + args);
        assertEquals(root.resolve("usr/share/inversion-table/inversion-table.jar"),
                Path.of(args.get(jar + 1)).normalize(), "the jar beside the launcher, as installed");
        assertEquals(List.of("run", "--config", "/etc/inversion-table/table.conf"), args.subList(jar + 2, args.size()));
        List<String> flags = args.subList(0, jar);
        for (String flag : List.of("-Xms96m", "-Xmx96m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=32m")) {
            assertTrue(flags.contains(flag), flag + " missing from " + flags);
        }
        assertFalse(String.join(" ", flags).contains("UseCompressedOops"),
                "a 32-bit (armhf) JVM refuses to start on an unknown -XX flag: " + flags);
    }

    @Test
    void theLauncherExecsJavaSoTheJvmIsTheServicesMainProcessForSdNotify() throws Exception {
        env.put("JAVA_HOME", fakeJava(root.resolve("jdk21"), "21", true).toString());

        ProcessRun run = launch("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Long.toString(run.pid()), value(run, "pid"),
                "java must replace the shell (exec): NotifyAccess=main accepts READY only from the main PID");
    }

    @Test
    void argumentsReachTheProgramUnsplit() throws Exception {
        env.put("JAVA_HOME", fakeJava(root.resolve("jdk21"), "21", true).toString());

        ProcessRun run = launch("check-config", "/home/pi/my table.conf", "*");

        List<String> args = values(run, "arg");
        assertEquals(List.of("check-config", "/home/pi/my table.conf", "*"), args.subList(args.size() - 3, args.size()));
    }

    @Test
    void aJava17HomeIsPassedOverForAJava21UnderUsrLibJvm() throws Exception {
        env.put("JAVA_HOME", fakeJava(root.resolve("jdk17"), "17.0.15", true).toString());
        Path temurin21 = fakeJava(jvmDir.resolve("temurin-21-jre-arm64"), "21.0.9", true);

        ProcessRun run = launch("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(temurin21.resolve("bin/java").toString(), value(run, "java"));
    }

    @Test
    void theNewestJavaUnderUsrLibJvmWins() throws Exception {
        fakeJava(jvmDir.resolve("java-17-openjdk-arm64"), "17.0.15", true);
        Path jdk25 = fakeJava(jvmDir.resolve("java-25-openjdk-arm64"), "25.0.1", true);
        fakeJava(jvmDir.resolve("java-21-openjdk-arm64"), "21.0.8", true);

        ProcessRun run = launch("--version");

        assertEquals(jdk25.resolve("bin/java").toString(), value(run, "java"), run::toString);
    }

    @Test
    void javaOnThePathIsTheLastResortAndItsLinksAreFollowed() throws Exception {
        Path jdk21 = fakeJava(root.resolve("opt/jdk-21"), "21.0.2", true);
        Path pathBin = Files.createDirectories(root.resolve("path-bin"));
        Files.createSymbolicLink(pathBin.resolve("java"), jdk21.resolve("bin/java"));
        env.put("PATH", tools + ":" + pathBin);

        ProcessRun run = launch("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(jdk21.resolve("bin/java").toString(), value(run, "java"));
    }

    @Test
    void aJavaWithoutAReleaseFileIsAskedForItsVersion() throws Exception {
        Path jdk = fakeJava(root.resolve("jdk-no-release"), "21", false);
        env.put("JAVA_HOME", jdk.toString());

        ProcessRun run = launch("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(jdk.resolve("bin/java").toString(), value(run, "java"));
    }

    @Test
    void onlyJava17EverywhereIsRefusedWithOneLineSayingHowToInstallJava21() throws Exception {
        Path jdk17 = fakeJava(root.resolve("jdk17"), "17.0.15", true);
        env.put("JAVA_HOME", jdk17.toString());
        fakeJava(jvmDir.resolve("java-17-openjdk-arm64"), "17.0.15", true);
        fakeJava(root.resolve("jdk17-no-release"), "17", false);
        Path pathBin = Files.createDirectories(root.resolve("path-bin"));
        Files.createSymbolicLink(pathBin.resolve("java"), root.resolve("jdk17-no-release/bin/java"));
        env.put("PATH", tools + ":" + pathBin);

        ProcessRun run = launch("run");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), "Java 17 must never be started on the program");
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run::toString);
        String line = lines.get(0);
        assertTrue(line.contains("Java 21 or newer"), line);
        assertTrue(line.contains("apt install openjdk-21-jre-headless") && line.contains("trixie"), line);
        assertTrue(line.contains("bookworm") && line.contains("temurin-21-jre") && line.contains("Adoptium"), line);
        assertTrue(line.contains("17:" + jdk17), "says what it found: " + line);
    }

    @Test
    void noJavaAtAllIsRefusedWithTheSameOneLine() throws Exception {
        ProcessRun run = launch("run");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("openjdk-21-jre-headless"), run::toString);
    }

    @Test
    void javaOptsFromTheEnvironmentReplaceTheDefaultFlags() throws Exception {
        env.put("JAVA_HOME", fakeJava(root.resolve("jdk21"), "21", true).toString());
        env.put("INVERSION_TABLE_JAVA_OPTS", "-Xmx200m -Dinversion.test=yes");

        ProcessRun run = launch("--version");

        List<String> args = values(run, "arg");
        assertEquals(List.of("-Xmx200m", "-Dinversion.test=yes", "-jar"), args.subList(0, 3), run::toString);
        assertFalse(args.contains("-Xmx96m"), args::toString);
    }

    @Test
    void aMissingJarIsOneLineAndExitTwo() throws Exception {
        env.put("JAVA_HOME", fakeJava(root.resolve("jdk21"), "21", true).toString());
        Files.delete(root.resolve("usr/share/inversion-table/inversion-table.jar"));

        ProcessRun run = launch("run");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("reinstall"), run::toString);
    }

    private ProcessRun launch(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("usr/bin/inversion-table").toString());
        command.addAll(List.of(args));
        return ProcessRun.run(command, env, root);
    }

    /**
     * A Java home whose {@code bin/java} prints its path, its pid and its arguments, one a line, and
     * answers {@code -XshowSettings:properties} as a real one does (on stderr).
     */
    private static Path fakeJava(Path home, String version, boolean withReleaseFile) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        String feature = version.split("\\.")[0];
        Files.writeString(bin.resolve("java"), """
                #!/bin/sh
                if [ "$1" = "-XshowSettings:properties" ]; then
                    echo "    java.specification.version = %s" >&2
                    exit 0
                fi
                echo "java=$0"
                echo "pid=$$"
                for a in "$@"; do echo "arg=$a"; done
                """.formatted(feature), StandardCharsets.UTF_8);
        executable(bin.resolve("java"));
        if (withReleaseFile) {
            Files.writeString(home.resolve("release"),
                    "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nOS_ARCH=\"aarch64\"\n");
        }
        return home;
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String value(ProcessRun run, String key) {
        List<String> all = values(run, key);
        assertEquals(1, all.size(), () -> key + " once in " + run);
        return all.get(0);
    }

    private static List<String> values(ProcessRun run, String key) {
        return run.out().lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).toList();
    }
}

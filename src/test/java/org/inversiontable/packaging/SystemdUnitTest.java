package org.inversiontable.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd unit (systemd/inversion-table.service) against SPEC §7 and §12 and the package's
 * other files: the user and state directory it names are the ones sysusers.d and tmpfiles.d make,
 * its memory cap sits above the launcher's JVM caps. Then systemd's own judgement, where
 * systemd-analyze is installed: {@code verify} without a word, and a security exposure of at most
 * 1.5 offline.
 */
class SystemdUnitTest {
    static final Path UNIT = Path.of("systemd", "inversion-table.service");
    static final Path LAUNCHER = Path.of("packaging", "bin", "inversion-table");
    private static final Path SYSUSERS = Path.of("packaging", "sysusers.d", "inversion-table.conf");
    private static final Path TMPFILES = Path.of("packaging", "tmpfiles.d", "inversion-table.conf");
    private static final double MAX_EXPOSURE = 1.5;
    /** Thread stacks, GC, JNA, Pi4J and the class-data archive beside heap, metaspace and code. */
    private static final long NATIVE_MARGIN_MIB = 64;

    @TempDir
    Path dir;

    @Test
    void theServiceTellsSystemdWhenItIsReadyAndIsWatchedByIt() throws IOException {
        UnitFile unit = UnitFile.read(UNIT);
        assertEquals("notify", unit.one("Type"));
        assertEquals("main", unit.one("NotifyAccess"), "only the JVM (exec'd by the launcher) may report READY");
        // The control thread pings every 0.5 s: at least 4 pings fit, and a hang ends within 2 s.
        assertEquals(2_000, UnitFile.millis(unit.one("WatchdogSec")));
    }

    @Test
    void theServiceRunsTheInstalledCommandAsItsOwnUnprivilegedUserWithGpioAndI2c() throws IOException {
        UnitFile unit = UnitFile.read(UNIT);
        assertEquals("/usr/bin/inversion-table run --config /etc/inversion-table/table.conf", unit.one("ExecStart"));
        assertEquals("inversion-table", unit.one("User"));
        assertEquals("gpio i2c", unit.one("SupplementaryGroups"));
        assertFalse(unit.has("PrivateUsers"), "PrivateUsers= maps the gpio and i2c groups to nobody");
        assertEquals("", unit.one("CapabilityBoundingSet"), "no capabilities at all");

        List<String> sysusers = meaningfulLines(SYSUSERS);
        assertTrue(sysusers.stream().anyMatch(l -> l.matches("u\\s+inversion-table\\s+-\\s+.*")), sysusers::toString);
        assertTrue(sysusers.contains("m inversion-table gpio") && sysusers.contains("m inversion-table i2c"),
                sysusers::toString);
    }

    @Test
    void aRestartFollowsOnlyAFailureAndNeverABadConfiguration() throws IOException {
        UnitFile unit = UnitFile.read(UNIT);
        // A restart boots with the motor off and waits for a fresh press (SPEC §7): restarting a
        // crash is safe. A stop by the admin stays a stop; exit 2 (bad configuration) cannot heal.
        assertEquals("on-failure", unit.one("Restart"));
        assertTrue(List.of(unit.one("RestartPreventExitStatus").split("\\s+")).contains("2"));
        assertTrue(UnitFile.millis(unit.one("RestartSec")) >= 1_000, "no tight crash loop");
        assertTrue(unit.has("StartLimitBurst") && unit.has("StartLimitIntervalSec"));
    }

    @Test
    void theOrderlyStopHasTimeToFlushTheJournal() throws IOException {
        assertTrue(UnitFile.millis(UnitFile.read(UNIT).one("TimeoutStopSec")) >= 10_000);
    }

    @Test
    void theStateLivesInVarLibMadeByTheUnitAndByTmpfiles() throws IOException {
        UnitFile unit = UnitFile.read(UNIT);
        assertEquals("inversion-table", unit.one("StateDirectory"));
        assertEquals("0700", unit.one("StateDirectoryMode"));
        assertTrue(meaningfulLines(TMPFILES).contains("d /var/lib/inversion-table 0700 inversion-table inversion-table -"));
    }

    @Test
    void memoryMaxIsAboveTheJvmsHeapMetaspaceAndCodeCacheAndNothingSwaps() throws IOException {
        UnitFile unit = UnitFile.read(UNIT);
        String flags = defaultJavaOpts();
        long jvmCapsMib = flagMib(flags, "-Xmx") + flagMib(flags, "-XX:MaxMetaspaceSize=")
                + flagMib(flags, "-XX:ReservedCodeCacheSize=");
        long memoryMax = UnitFile.mebibytes(unit.one("MemoryMax"));
        assertTrue(memoryMax >= jvmCapsMib + NATIVE_MARGIN_MIB,
                "MemoryMax " + memoryMax + " MiB vs the JVM's caps " + jvmCapsMib + " MiB + " + NATIVE_MARGIN_MIB);
        assertEquals("0", unit.one("MemorySwapMax"));
    }

    @Test
    void systemdAnalyzeVerifiesTheUnitWithoutAWord() throws Exception {
        Path analyze = systemdAnalyze();
        // verify checks that ExecStart's program exists: point it at the launcher in the tree.
        Path copy = unitWithLauncherAt(LAUNCHER.toAbsolutePath());

        ProcessRun run = ProcessRun.run(dir, analyze.toString(), "verify", copy.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out() + run.err(), "verify warns about unknown keys without failing: no word allowed");
    }

    @Test
    void theSecurityExposureIsAtMostOnePointFive() throws Exception {
        Path analyze = systemdAnalyze();
        Path copy = unitWithLauncherAt(LAUNCHER.toAbsolutePath());

        ProcessRun run = ProcessRun.run(dir, analyze.toString(), "security", "--offline=true", "--no-pager", copy.toString());

        Matcher m = Pattern.compile("Overall exposure level for inversion-table\\.service: ([0-9.]+)").matcher(run.out());
        assertTrue(m.find(), run::toString);
        double exposure = Double.parseDouble(m.group(1));
        System.out.println("systemd-analyze security --offline=true: exposure " + exposure);
        assertTrue(exposure <= MAX_EXPOSURE, "exposure " + exposure + " > " + MAX_EXPOSURE + "\n" + run.out());
    }

    /** The launcher's JVM flags (its DEFAULT_JAVA_OPTS line). */
    static String defaultJavaOpts() throws IOException {
        Matcher m = Pattern.compile("(?m)^DEFAULT_JAVA_OPTS='([^']*)'$")
                .matcher(Files.readString(LAUNCHER, StandardCharsets.UTF_8));
        assertTrue(m.find(), "DEFAULT_JAVA_OPTS='...' in " + LAUNCHER);
        return m.group(1);
    }

    private static long flagMib(String flags, String prefix) {
        Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(prefix) + "(\\d+)([mMgG])(?:\\s|$)").matcher(flags);
        assertTrue(m.find(), prefix + " in " + flags);
        return UnitFile.mebibytes(m.group(1) + m.group(2));
    }

    private Path unitWithLauncherAt(Path launcher) throws IOException {
        String text = Files.readString(UNIT, StandardCharsets.UTF_8);
        String moved = text.replace("ExecStart=/usr/bin/inversion-table ", "ExecStart=" + launcher + " ");
        assertTrue(!moved.equals(text), "ExecStart=/usr/bin/inversion-table in " + UNIT);
        Path copy = dir.resolve("inversion-table.service");
        Files.writeString(copy, moved, StandardCharsets.UTF_8);
        return copy;
    }

    static Path systemdAnalyze() {
        Path analyze = ProcessRun.onPath("systemd-analyze");
        if (analyze == null) {
            System.out.println("skipped: systemd-analyze is not installed here (Debian: apt install systemd)");
        }
        assumeTrue(analyze != null, "systemd-analyze is not installed here (Debian: apt install systemd)");
        return analyze;
    }

    private static List<String> meaningfulLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.replaceAll("\\s+", " ")).toList();
    }
}

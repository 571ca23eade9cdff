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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package's maintainer scripts (packaging/deb) as dpkg calls them, against fakes of
 * systemctl, deb-systemd-helper, deb-systemd-invoke, systemd-sysusers and systemd-tmpfiles that
 * write every call to a log. The rule they prove: installing or upgrading never starts, stops or
 * restarts the service (someone may be on the table); only a removal stops it. The check for a
 * running systemd ({@code /run/systemd/system}) is pointed at a directory of the test's own.
 */
class MaintainerScriptsTest {
    private static final Path SCRIPTS = Path.of("packaging", "deb");
    private static final List<String> FAKES = List.of("systemctl", "deb-systemd-helper", "deb-systemd-invoke",
            "systemd-sysusers", "systemd-tmpfiles");
    private static final List<String> MOTION_OF_THE_SERVICE = List.of("start", "stop", "restart", "try-restart",
            "reload-or-restart", "try-reload-or-restart", "condrestart", "kill");

    @TempDir
    Path dir;

    private Path fakes;
    private Path log;

    @BeforeEach
    void fakeSystemd() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh: maintainer scripts are POSIX sh for Debian");
        fakes = Files.createDirectories(dir.resolve("fakes"));
        log = dir.resolve("calls.log");
        for (String fake : FAKES) {
            // is-active answers $FAKE_ACTIVE; was-enabled answers $FAKE_WAS_ENABLED; all else succeeds.
            write(fakes.resolve(fake), """
                    #!/bin/sh
                    echo "%s $*" >> "%s"
                    case "$*" in
                        *is-active*) exit "$FAKE_ACTIVE" ;;
                        *was-enabled*) exit "$FAKE_WAS_ENABLED" ;;
                    esac
                    exit 0
                    """.formatted(fake, log));
        }
        Files.createDirectories(dir.resolve("run-systemd-system"));
    }

    @Test
    void anUpgradeWithTheServiceRunningNeitherRestartsNorStopsItAndSaysWhenTheNewVersionStarts() throws Exception {
        ProcessRun prerm = script("prerm", true, true, "upgrade", "0.2.0");
        ProcessRun postinst = script("postinst", true, true, "configure", "0.1.0");

        assertEquals(0, prerm.exitCode(), prerm::toString);
        assertEquals(0, postinst.exitCode(), postinst::toString);
        assertNoMotionOfTheService();
        assertTrue(postinst.out().contains("NOT restarted"), postinst::toString);
        assertTrue(postinst.out().contains("next boot"), postinst::toString);
    }

    @Test
    void aFirstInstallCreatesTheUserAndStateAndEnablesTheUnitButStartsNothing() throws Exception {
        ProcessRun postinst = script("postinst", false, true, "configure");

        assertEquals(0, postinst.exitCode(), postinst::toString);
        List<String> calls = calls();
        assertTrue(calls.contains("systemd-sysusers /usr/lib/sysusers.d/inversion-table.conf"), calls::toString);
        assertTrue(calls.contains("systemd-tmpfiles --create /usr/lib/tmpfiles.d/inversion-table.conf"), calls::toString);
        assertTrue(calls.contains("deb-systemd-helper enable inversion-table.service"), calls::toString);
        assertNoMotionOfTheService();
        assertTrue(postinst.out().contains("starts at the next boot"), postinst::toString);
        assertTrue(postinst.out().contains("check-config"), postinst::toString);
    }

    @Test
    void anAdminsDisableSurvivesAnUpgrade() throws Exception {
        ProcessRun postinst = script("postinst", false, false, "configure", "0.1.0");

        assertEquals(0, postinst.exitCode(), postinst::toString);
        assertFalse(calls().contains("deb-systemd-helper enable inversion-table.service"), calls()::toString);
        assertTrue(calls().contains("deb-systemd-helper update-state inversion-table.service"), calls()::toString);
    }

    @Test
    void removalStopsTheRunningServiceSoThatTheMotorIsTurnedOffInOrder() throws Exception {
        ProcessRun prerm = script("prerm", true, true, "remove");

        assertEquals(0, prerm.exitCode(), prerm::toString);
        assertTrue(calls().contains("deb-systemd-invoke stop inversion-table.service"), calls()::toString);
        assertTrue(prerm.out().contains("stopping the service"), prerm::toString);
    }

    @Test
    void afterRemovalSystemdForgetsTheUnit() throws Exception {
        ProcessRun postrm = script("postrm", false, true, "remove");

        assertEquals(0, postrm.exitCode(), postrm::toString);
        assertTrue(calls().contains("systemctl --system daemon-reload"), calls()::toString);
        assertTrue(calls().contains("deb-systemd-helper mask inversion-table.service"), calls()::toString);
        assertNoMotionOfTheService();
    }

    private void assertNoMotionOfTheService() throws IOException {
        for (String call : calls()) {
            List<String> words = List.of(call.split("\\s+"));
            assertFalse(words.get(0).equals("deb-systemd-invoke"), "deb-systemd-invoke starts or stops: " + call);
            if (words.get(0).equals("systemctl")) {
                for (String verb : MOTION_OF_THE_SERVICE) {
                    assertFalse(words.contains(verb), "the service must not be touched: " + call);
                }
            }
        }
    }

    private ProcessRun script(String name, boolean active, boolean wasEnabled, String... args)
            throws IOException, InterruptedException {
        String text = Files.readString(SCRIPTS.resolve(name), StandardCharsets.UTF_8);
        assertTrue(text.contains("/run/systemd/system"), name + " checks for a running systemd");
        Path copy = dir.resolve(name);
        write(copy, text.replace("/run/systemd/system", dir.resolve("run-systemd-system").toString()));
        List<String> command = new ArrayList<>(List.of("/bin/sh", copy.toString()));
        command.addAll(List.of(args));
        return ProcessRun.run(command, Map.of("PATH", fakes.toString(), "FAKE_ACTIVE", active ? "0" : "3",
                "FAKE_WAS_ENABLED", wasEnabled ? "0" : "1"), dir);
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

package org.inversiontable.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PWM's sysfs files writable, against a temp directory standing in for /sys/class/pwm. */
class PwmSysfsCheckTest {
    @TempDir
    Path pwmClass;

    @Test
    void aMissingChipNamesTheOverlay() {
        CheckResult r = new PwmSysfsCheck(pwmClass, 0, 0).run();
        assertTrue(r.failed());
        assertTrue(r.message().contains("pwmchip0 does not exist") && r.message().contains("dtoverlay=pwm-2chan"),
                r.message());
    }

    @Test
    void anExportableChannelPasses() throws IOException {
        Files.createDirectories(pwmClass.resolve("pwmchip0"));
        Files.writeString(pwmClass.resolve("pwmchip0/export"), "");
        assertEquals(CheckResult.Outcome.PASSED, new PwmSysfsCheck(pwmClass, 0, 0).run().outcome());
    }

    @Test
    void aWritableChannelPassesAndAReadOnlyDutyFileFailsNamingItAndTheFix() throws IOException {
        Path channel = Files.createDirectories(pwmClass.resolve("pwmchip2/pwm3"));
        for (String name : new String[] {"period", "duty_cycle", "enable"}) {
            Files.writeString(channel.resolve(name), "0\n");
        }
        assertEquals(CheckResult.Outcome.PASSED, new PwmSysfsCheck(pwmClass, 2, 3).run().outcome());
        Files.setPosixFilePermissions(channel.resolve("duty_cycle"), PosixFilePermissions.fromString("r--r--r--"));
        Assumptions.assumeFalse(Files.isWritable(channel.resolve("duty_cycle")), "running as root: every file is writable");
        CheckResult r = new PwmSysfsCheck(pwmClass, 2, 3).run();
        assertTrue(r.failed());
        assertTrue(r.message().contains("duty_cycle is not writable") && r.message().contains("gpio group"),
                r.message());
    }
}

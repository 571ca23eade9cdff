package org.inversiontable.pi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The PWM channel's sysfs files can be written by this user: the chip exists (the overlay is
 * loaded) and either the channel's {@code period}, {@code duty_cycle} and {@code enable} or, before
 * the first export, the chip's {@code export} are writable. Run before the channel is opened, so
 * that a missing overlay or udev rule is named with its fix, not found as an I/O error.
 */
public final class PwmSysfsCheck implements SelfTestCheck {
    private final Path pwmClassDir;
    private final int chip;
    private final int channel;

    public PwmSysfsCheck(Path pwmClassDir, int chip, int channel) {
        this.pwmClassDir = pwmClassDir;
        this.chip = chip;
        this.channel = channel;
    }

    @Override
    public String part() {
        return "PWM sysfs";
    }

    @Override
    public CheckResult run() {
        Path chipDir = pwmClassDir.resolve("pwmchip" + chip);
        if (!Files.isDirectory(chipDir)) {
            return CheckResult.failed(chipDir + " does not exist: add dtoverlay=pwm-2chan to /boot/firmware/config.txt"
                    + " and reboot (hardware/PINMAP.md)");
        }
        Path channelDir = chipDir.resolve("pwm" + channel);
        List<Path> needed = Files.isDirectory(channelDir)
                ? List.of(channelDir.resolve("period"), channelDir.resolve("duty_cycle"), channelDir.resolve("enable"))
                : List.of(chipDir.resolve("export"));
        for (Path file : needed) {
            if (!Files.isWritable(file)) {
                return CheckResult.failed(file + " is not writable by this user: add the user to the gpio group and"
                        + " install the udev rule for the PWM files (systemd/README.md)");
            }
        }
        return CheckResult.passed(channelDir + (Files.isDirectory(channelDir) ? " writable" : " exportable"));
    }
}

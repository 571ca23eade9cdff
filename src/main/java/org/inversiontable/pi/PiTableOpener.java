package org.inversiontable.pi;

import java.nio.file.Path;
import java.util.Optional;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.inversiontable.hardware.pi4j.Pi4jTableHardware;
import org.inversiontable.hardware.pi4j.PwmBlock;
import org.inversiontable.time.Clock;

/**
 * The table's hardware on a Raspberry Pi, opened one way for {@code run} and {@code calibrate}: the
 * real providers ({@link Pi4jContexts#onPi()}), the motor's PWM channel derived from its GPIO for
 * the board and driven through sysfs, the watchdog relay's read-back. One place, so that the
 * calibration is measured on the very wiring the service then runs on.
 *
 * <pre>{@code
 * PiTableOpener.Opened opened = PiTableOpener.open("run", board, wiring, calibration, clock);   // throws Refused
 * }</pre>
 */
final class PiTableOpener {
    static final Path PWM_CLASS_DIR = Path.of("/sys/class/pwm");

    private PiTableOpener() {
    }

    /** The opened hardware and where its PWM is, for the self-test's report. */
    record Opened(Pi4jTableHardware table, String pwmDescription) {
    }

    /** Why the table was not opened, in one line for the console (exit 2). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String line) {
            super(line);
        }
    }

    /** The PWM channel of the wired GPIO on this board, checked in sysfs before anything is opened. */
    static Pi4jTableHardware.SysfsPwm sysfsPwm(String command, Pi4jContexts.Board pi, RunWiring wiring,
            Path pwmClassDir) throws Refused {
        PwmBlock block = PwmBlock.of(pi.usesRp1());
        int channel;
        try {
            channel = block.channelOf(wiring.motorPwmPin());
        } catch (IllegalArgumentException e) {
            throw new Refused(command + ": " + ConfigKey.PIN_MOTOR_PWM.key() + ": " + e.getMessage());
        }
        int chip = block.chip(pwmClassDir);
        PwmSysfsCheck sysfs = new PwmSysfsCheck(pwmClassDir, chip, channel);
        CheckResult result = sysfs.run();
        if (result.failed()) {
            throw new Refused("self-test: " + sysfs.part() + ": FAILED: " + result.message());
        }
        return new Pi4jTableHardware.SysfsPwm(pwmClassDir, chip, channel);
    }

    /** Opens every port with {@code calibration} in the IMU's driver (NONE while calibrating). */
    static Opened open(String command, Pi4jContexts.Board pi, RunWiring wiring, ImuCalibration calibration,
            Clock clock) throws Refused {
        Pi4jTableHardware.SysfsPwm pwm = sysfsPwm(command, pi, wiring, PWM_CLASS_DIR);
        try {
            Pi4jTableHardware table = Pi4jTableHardware.create(Pi4jContexts.onPi(), wiring.pins(), clock,
                    new Pi4jTableHardware.Options(wiring.relayAuxPin(), Optional.of(pwm), calibration));
            return new Opened(table, "pwmchip" + pwm.chip() + " channel " + pwm.channel() + " (BCM "
                    + wiring.motorPwmPin() + ")");
        } catch (RuntimeException e) {
            // Pi4J's own exceptions (a provider that cannot start) as well as ours: one line, no trace.
            throw new Refused(command + ": " + e.getMessage());
        }
    }
}

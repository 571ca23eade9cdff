package org.inversiontable.hil;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.inversiontable.hardware.pi4j.Pi4jTableHardware;
import org.inversiontable.hardware.pi4j.PwmBlock;
import org.inversiontable.runtime.TimeScale;
import org.inversiontable.time.Clock;
import org.inversiontable.time.SystemClock;
import org.junit.jupiter.api.Assumptions;

/**
 * The jig of the emulated Raspberry Pi (hardware/emulated-pi): a real Linux kernel's GPIO and I2C
 * character devices under the unchanged Pi4J gpiod and linuxfs providers, in an arm64 guest under
 * QEMU. The table's pins are gpio-sim's lines (line N = BCM N, the default pin map), so the jig
 * needs no loop-back wires: it works a contact by setting the line's pull (a pull-down is a closed
 * NC contact or a pressed button) and reads an output from the line's value. The IMU is an MPU-6050
 * register file in i2c-stub, kept by {@link EmulatedImu} (which also moves the bed when the bridge
 * drives). The PWM goes to plain files laid out as sysfs's (no kernel simulates PWM): the duty is
 * what the controller wrote, not a measured signal.
 *
 * <p>What differs from a Pi, and where the tests say so: timing under TCG is not real-time, so
 * latencies are reported, not judged ({@link #timingIsPhysical()}), and the table's time runs
 * {@link #timeScale()} times slower; gpio-sim returns a released line to its pull, so a killed
 * process's ENABLE reads its pull-down (a Pi's kernel keeps the last level unless strict_gpiod);
 * there is no watchdog relay board ({@link RelayState#NOT_FITTED}).
 *
 * <p>Confined to the test's thread, apart from the IMU's own thread (see {@link EmulatedImu}).
 */
public final class EmulatedPiJig implements Jig {
    /** One warm-up per JVM (see {@link #warmUp}); the suite's jigs are made one after another on one thread. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED_UP = new java.util.concurrent.atomic.AtomicBoolean();
    private final EmulatedPi pi;
    private final GpioSim gpio;
    private final PinMap pins;
    private final Clock tableClock;
    private final EmulatedImu imu;
    private final int pwmChannel;
    private TableUnderTest table;

    EmulatedPiJig(EmulatedPi pi) {
        this.pi = pi;
        this.gpio = new GpioSim(pi.gpioSimDir());
        Config wired = wiredConfig();
        this.pins = PinMap.from(wired);
        this.tableClock = pi.timeScale().clock(new SystemClock());
        this.pwmChannel = PwmBlock.of(false).channelOf(wired.integer(ConfigKey.PIN_MOTOR_PWM));
        // The contacts as a table at rest has them: e-stop closed, bed at home (NC opened), buttons released.
        gpio.pull(pins.estopPin(), false);
        gpio.pull(pins.homeSwitchPin(), true);
        for (Button b : Button.values()) {
            gpio.pull(buttonPin(b), true);
        }
        this.imu = new EmulatedImu(pi.i2cBus(), gpio, pins, pwmChannelDir(), pi.timeScale(),
                wired.number(ConfigKey.ACTUATOR_SPEED_DEG_S), wired.number(ConfigKey.ACTUATOR_MIN_DUTY));
    }

    private Path pwmChannelDir() {
        return pi.pwmRoot().resolve("pwmchip0").resolve("pwm" + pwmChannel);
    }

    private int buttonPin(Button b) {
        return switch (b) {
            case UP -> pins.buttonUpPin();
            case DOWN -> pins.buttonDownPin();
            case HOME -> pins.buttonHomePin();
            case PRESET -> pins.buttonPresetPin();
            case STOP -> pins.buttonStopPin();
        };
    }

    @Override
    public String name() {
        return "the emulated Pi (gpio-sim, i2c-stub on bus " + pi.i2cBus() + ", PWM stand-in at " + pwmChannelDir()
                + ", " + pi.timeScale().describe() + ")";
    }

    @Override
    public void setEstop(EstopContact contact) {
        // gpio-sim has no wire to cut: a broken wire and an opened contact both leave the pull-up.
        gpio.pull(pins.estopPin(), contact.readsAsStop());
    }

    @Override
    public void setHomeSwitchAtHome(boolean atHome) {
        gpio.pull(pins.homeSwitchPin(), atHome);
    }

    @Override
    public Set<Button> drivableButtons() {
        return EnumSet.allOf(Button.class);
    }

    @Override
    public void setButtonPressed(Button button, boolean pressed) {
        gpio.pull(buttonPin(button), !pressed);
    }

    @Override
    public boolean enableHigh() {
        imu.checkHealthy();
        return gpio.high(pins.motorEnablePin());
    }

    @Override
    public boolean dirTowardInversion() {
        return gpio.high(pins.motorDirPin());
    }

    @Override
    public double dutyFraction() {
        return PwmStandIn.dutyFraction(pwmChannelDir());
    }

    @Override
    public boolean watchdogHigh() {
        return gpio.high(pins.watchdogPin());
    }

    @Override
    public RelayState relay() {
        return RelayState.NOT_FITTED;
    }

    @Override
    public void poseImu(ImuPose pose) {
        imu.pose(pose);
    }

    @Override
    public void zeroImu() {
        imu.zero();
    }

    @Override
    public double bedAngleDeg() {
        return imu.angleDeg();
    }

    @Override
    public boolean timingIsPhysical() {
        return false;
    }

    @Override
    public TimeScale timeScale() {
        return pi.timeScale();
    }

    @Override
    public Map<ConfigKey, String> wiring() {
        return Map.of(ConfigKey.I2C_BUS, Integer.toString(pi.i2cBus()));
    }

    @Override
    public TableUnderTest bootTable(Config config) {
        if (!PinMap.from(config).equals(pins)) {
            Assumptions.abort("the emulated Pi's lines are the default pin map's; this configuration moves them: "
                    + PinMap.from(config));
        }
        if (table != null) {
            table.close();
        }
        if (WARMED_UP.compareAndSet(false, true)) {
            warmUp(config);
        }
        table = newTable(config);
        return table;
    }

    private RealTimeTable newTable(Config config) {
        Pi4jTableHardware hardware = Pi4jTableHardware.create(Pi4jContexts.onPi(), pins, tableClock,
                new Pi4jTableHardware.Options(0, Optional.of(new Pi4jTableHardware.SysfsPwm(pi.pwmRoot(), 0,
                        pwmChannel)), ImuCalibration.NONE));
        return new RealTimeTable(config, hardware.hardware(), hardware::close, pi.timeScale());
    }

    /**
     * The first table of a cold JVM under TCG loads and interprets the whole tick path in its first
     * ticks, slower than even the scaled period, and latches loop_overrun before any test has begun.
     * That is the emulator's start-up, not the controller's: one table runs a second and is thrown
     * away before the first test's. (The real {@code run}'s cold start is the process contract's.)
     */
    private void warmUp(Config config) {
        try (RealTimeTable warm = newTable(config)) {
            warm.runFor(java.time.Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() {
        try {
            if (table != null) {
                table.close();
            }
        } finally {
            imu.close();
        }
    }
}

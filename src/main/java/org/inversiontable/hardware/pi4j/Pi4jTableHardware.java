package org.inversiontable.hardware.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.time.Clock;
import org.tinylog.Logger;

/**
 * Every port of one table, built on a Pi4J context that this object then owns.
 *
 * <pre>{@code
 * Pi4jTableHardware table = Pi4jTableHardware.create(Pi4jContexts.onPi(), PinMap.from(config), clock,
 *         new Pi4jTableHardware.Options(relayAuxPin, Optional.of(new SysfsPwm(Path.of("/sys/class/pwm"), chip, channel))));
 * try {
 *     controlLoop.run(table.hardware());
 * } finally {
 *     table.close();   // Pi4J's shutdown states on every output: enable LOW, PWM 0
 * }
 * }</pre>
 *
 * <p>Every output declares its safe state where it is created (initial and shutdown LOW, PWM 0),
 * and nothing here writes the H-bridge: the port goes to the supervisor's gate, which alone
 * drives it and registers the e-stop's event (the narrow waist by construction). The e-stop's
 * own hardware path (hardware/WIRING.md) and the H-bridge enable's pull-down do not depend on
 * this program. Stop the ticks before {@link #close()}: the shutdown states are the last write.
 */
public final class Pi4jTableHardware implements AutoCloseable {
    /**
     * Pi4J's input debounce, in microseconds. Zero on every input: on gpiod a debounce delays the
     * event itself (by 10 ms at Pi4J's default), which the e-stop cannot afford; the buttons and
     * the release of the switches are debounced in software by {@link Pi4jControlPanel}.
     */
    static final long PI4J_DEBOUNCE_MICROS = 0L;

    private final Context context;
    private final TableHardware hardware;
    private final Mpu6050 imu;
    private final TableProbe probe;
    private final AutoCloseable closeDuty;
    private boolean closed;

    private Pi4jTableHardware(Context context, TableHardware hardware, Mpu6050 imu, TableProbe probe,
            AutoCloseable closeDuty) {
        this.context = context;
        this.hardware = hardware;
        this.imu = imu;
        this.probe = probe;
        this.closeDuty = closeDuty;
    }

    /**
     * What {@code run} adds to the ports the simulator has.
     *
     * @param relayAuxPin the BCM input of the contactors' read-back (RELAY_AUX, LOW = K1 and K3 dropped), 0 = not wired
     * @param sysfsPwm    where the motor's PWM channel is in sysfs; empty = Pi4J's PWM (the mock path)
     * @param calibration the IMU's per-axis corrections ({@code calibrate}; NONE when not calibrated)
     */
    public record Options(int relayAuxPin, java.util.Optional<SysfsPwm> sysfsPwm, ImuCalibration calibration) {
        public static final Options SIMULATED = new Options(0, java.util.Optional.empty(), ImuCalibration.NONE);

        public Options(int relayAuxPin, java.util.Optional<SysfsPwm> sysfsPwm) {
            this(relayAuxPin, sysfsPwm, ImuCalibration.NONE);
        }

        public Options withCalibration(ImuCalibration newCalibration) {
            return new Options(relayAuxPin, sysfsPwm, newCalibration);
        }

        public Options {
            if (relayAuxPin < 0 || relayAuxPin > PinMap.MAX_BCM_PIN) {
                throw new IllegalArgumentException("relayAuxPin must be 0 (not wired) or a BCM pin 1.."
                        + PinMap.MAX_BCM_PIN + ", was " + relayAuxPin);
            }
            java.util.Objects.requireNonNull(sysfsPwm, "sysfsPwm");
            java.util.Objects.requireNonNull(calibration, "calibration");
        }
    }

    /** A PWM channel in sysfs: the class directory ({@code /sys/class/pwm}), the chip and the channel. */
    public record SysfsPwm(java.nio.file.Path pwmClassDir, int chip, int channel) {
        public SysfsPwm {
            java.util.Objects.requireNonNull(pwmClassDir, "pwmClassDir");
            if (chip < 0 || channel < 0 || channel > 3) {
                throw new IllegalArgumentException("chip must be >= 0 and channel 0..3, were " + chip + ", " + channel);
            }
        }
    }

    /**
     * Creates every I/O with the ids of {@link IoIds}, initializes the IMU and checks that no
     * no-op provider is in use. On any failure the context is shut down before the exception
     * leaves, so outputs fall to their shutdown states and no Pi4J thread is left running.
     */
    public static Pi4jTableHardware create(Context ctx, PinMap pins, Clock clock) {
        return create(ctx, pins, clock, Options.SIMULATED);
    }

    /**
     * As {@link #create(Context, PinMap, Clock)}, with the IMU's per-axis calibration (measured by
     * {@code calibrate}, read from the state directory at start).
     */
    public static Pi4jTableHardware create(Context ctx, PinMap pins, ImuCalibration calibration, Clock clock) {
        return create(ctx, pins, clock, Options.SIMULATED.withCalibration(calibration));
    }

    /** As above, with the contactors' read-back, the motor's PWM through sysfs and the calibration, as {@code run} wants. */
    public static Pi4jTableHardware create(Context ctx, PinMap pins, Clock clock, Options options) {
        if (ctx == null || pins == null || clock == null || options == null) {
            throw new IllegalArgumentException("ctx, pins, clock and options must not be null");
        }
        AutoCloseable[] closeDuty = {() -> { }};
        try {
            DigitalInput estop = input(ctx, IoIds.ESTOP, pins.estopPin());
            DigitalInput home = input(ctx, IoIds.HOME_SWITCH, pins.homeSwitchPin());
            Map<Button, DigitalInput> buttons = new EnumMap<>(Button.class);
            buttons.put(Button.UP, input(ctx, IoIds.BUTTON_UP, pins.buttonUpPin()));
            buttons.put(Button.DOWN, input(ctx, IoIds.BUTTON_DOWN, pins.buttonDownPin()));
            buttons.put(Button.HOME, input(ctx, IoIds.BUTTON_HOME, pins.buttonHomePin()));
            buttons.put(Button.PRESET, input(ctx, IoIds.BUTTON_PRESET, pins.buttonPresetPin()));
            buttons.put(Button.STOP, input(ctx, IoIds.BUTTON_STOP, pins.buttonStopPin()));

            // Enable first, so it is LOW before direction and PWM exist.
            DigitalOutput enable = output(ctx, IoIds.MOTOR_ENABLE, pins.motorEnablePin());
            DigitalOutput direction = output(ctx, IoIds.MOTOR_DIR, pins.motorDirPin());
            DutyOutput duty;
            if (options.sysfsPwm().isPresent()) {
                SysfsPwmChannel channel = sysfsChannel(options.sysfsPwm().get(), pins.pwmFrequencyHz());
                closeDuty[0] = channel;
                duty = channel;
            } else {
                duty = new Pi4jPwmDuty(opened(IoIds.MOTOR_PWM, "hardware PWM channel " + pins.pwmChannel(),
                        "Is the PWM overlay loaded (dtoverlay=pwm-2chan) and pwm_motor_channel the channel, not the GPIO?",
                        () -> ctx.create(Pwm.newConfigBuilder(ctx)
                                .id(IoIds.MOTOR_PWM)
                                .address(pins.pwmChannel())
                                .pwmType(PwmType.HARDWARE)
                                .frequency(pins.pwmFrequencyHz())
                                .dutyCycle(0)
                                .initial(0)
                                .shutdown(0))));
            }
            DigitalInput relayAux = options.relayAuxPin() == 0 ? null
                    : input(ctx, IoIds.RELAY_AUX, options.relayAuxPin());
            DigitalOutput led = output(ctx, IoIds.LED, pins.ledPin());
            DigitalOutput buzzer = output(ctx, IoIds.BUZZER, pins.buzzerPin());
            DigitalOutput watchdog = output(ctx, IoIds.WATCHDOG, pins.watchdogPin());
            I2C i2c = opened(IoIds.IMU, "I2C bus " + pins.i2cBus(),
                    "Is I2C enabled (dtparam=i2c_arm=on) and the user in the i2c group?",
                    () -> ctx.create(I2C.newConfigBuilder(ctx)
                            .id(IoIds.IMU)
                            .bus(pins.i2cBus())
                            .device(pins.i2cAddress())));

            Pi4jContexts.refuseNoOpProviders(ctx);

            Pi4jHBridge motor = new Pi4jHBridge(direction, enable, duty);
            Pi4jControlPanel panel = new Pi4jControlPanel(estop, home, buttons, clock, pins.debounceNanos());
            Mpu6050 imu = new Mpu6050(i2c, pins.imu(), options.calibration(), clock);
            try {
                imu.init();
            } catch (Mpu6050.NotAnswering e) {
                // Start anyway: the supervisor faults on the missing samples within 100 ms and
                // limp home stays possible; refusing to start would strand someone inverted.
                Logger.error("{}; starting without it (imu_stale will latch)", e.getMessage());
            }
            TableHardware hardware = new TableHardware(imu, panel, motor, new Pi4jIndicators(led, buzzer),
                    new Pi4jHeartbeat(watchdog));
            TableProbe probe = new TableProbe(ctx, estop, home, buttons, relayAux, enable, duty, imu);
            return new Pi4jTableHardware(ctx, hardware, imu, probe, closeDuty[0]);
        } catch (RuntimeException e) {
            try {
                closeDuty[0].close();
            } catch (Exception closeFailure) {
                e.addSuppressed(closeFailure);
            }
            try {
                ctx.shutdown();
            } catch (RuntimeException shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw e;
        }
    }

    private static SysfsPwmChannel sysfsChannel(SysfsPwm where, int frequencyHz) {
        long periodNanos = Math.round(1e9 / frequencyHz);
        try {
            return SysfsPwmChannel.open(where.pwmClassDir(), where.chip(), where.channel(), periodNanos,
                    java.nio.file.Files::writeString);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot open '" + IoIds.MOTOR_PWM + "' on PWM chip " + where.chip()
                    + " channel " + where.channel() + ": " + e.getMessage(), e);
        }
    }

    private static DigitalInput input(Context ctx, String id, int bcm) {
        return opened(id, "BCM " + bcm, GPIO_HINT, () -> ctx.create(DigitalInput.newConfigBuilder(ctx)
                .id(id)
                .address(bcm)
                .pull(PullResistance.PULL_UP)
                .debounce(PI4J_DEBOUNCE_MICROS)));
    }

    private static DigitalOutput output(Context ctx, String id, int bcm) {
        return opened(id, "BCM " + bcm, GPIO_HINT, () -> ctx.create(DigitalOutput.newConfigBuilder(ctx)
                .id(id)
                .address(bcm)
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)));
    }

    private static final String GPIO_HINT =
            "Is the user in the gpio group, and is the pin free of other programs and overlays?";

    /** Names the I/O, its pin or bus and a likely fix when Pi4J cannot open it. */
    private static <T> T opened(String id, String where, String hint, Supplier<T> open) {
        try {
            return open.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open '" + id + "' on " + where + ": " + e.getMessage()
                    + ". " + hint, e);
        }
    }

    public TableHardware hardware() {
        return hardware;
    }

    /** The raw levels and read-backs the self-test checks before the table runs. */
    public TableProbe probe() {
        return probe;
    }

    /** The IMU's newest raw sample (chip axes, uncalibrated), for {@code calibrate}; on the control thread only. */
    public java.util.Optional<Mpu6050.RawSample> lastRawImuSample() {
        return imu.lastRawSample();
    }

    /** WHO_AM_I of the IMU found at start-up, for the log. */
    public int imuWhoAmI() {
        return imu.whoAmI();
    }

    /**
     * The mock pins and PWM as the desktop simulator drives and reads them; only for a context
     * built by {@link Pi4jContexts#simulated}.
     */
    public SimulatedWiring simulatedWiring() {
        return new SimulatedWiring(context);
    }

    /** The Pi4J shutdown: every output to its declared shutdown state (enable LOW). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            context.shutdown();
        } finally {
            try {
                // After Pi4J's shutdown has put ENABLE LOW: the sysfs channel to duty 0, then disabled.
                closeDuty.close();
            } catch (Exception e) {
                Logger.error(e, "Closing the motor's PWM channel failed: check it is disabled");
            }
        }
    }
}

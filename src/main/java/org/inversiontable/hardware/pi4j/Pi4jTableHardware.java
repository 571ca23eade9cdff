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
 * Pi4jTableHardware table = Pi4jTableHardware.create(Pi4jContexts.onPi(), PinMap.from(config), clock);
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
    private boolean closed;

    private Pi4jTableHardware(Context context, TableHardware hardware, Mpu6050 imu) {
        this.context = context;
        this.hardware = hardware;
        this.imu = imu;
    }

    /**
     * Creates every I/O with the ids of {@link IoIds}, initializes the IMU and checks that no
     * no-op provider is in use. On any failure the context is shut down before the exception
     * leaves, so outputs fall to their shutdown states and no Pi4J thread is left running.
     */
    public static Pi4jTableHardware create(Context ctx, PinMap pins, Clock clock) {
        return create(ctx, pins, ImuCalibration.NONE, clock);
    }

    /**
     * As {@link #create(Context, PinMap, Clock)}, with the IMU's per-axis calibration (measured by
     * {@code calibrate}, read from the state directory at start).
     */
    public static Pi4jTableHardware create(Context ctx, PinMap pins, ImuCalibration calibration, Clock clock) {
        if (ctx == null || pins == null || calibration == null || clock == null) {
            throw new IllegalArgumentException("ctx, pins, calibration and clock must not be null");
        }
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
            Pwm pwm = opened(IoIds.MOTOR_PWM, "hardware PWM channel " + pins.pwmChannel(),
                    "Is the PWM overlay loaded (dtoverlay=pwm-2chan) and pwm_motor_channel the channel, not the GPIO?",
                    () -> ctx.create(Pwm.newConfigBuilder(ctx)
                            .id(IoIds.MOTOR_PWM)
                            .address(pins.pwmChannel())
                            .pwmType(PwmType.HARDWARE)
                            .frequency(pins.pwmFrequencyHz())
                            .dutyCycle(0)
                            .initial(0)
                            .shutdown(0)));
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

            Pi4jHBridge motor = new Pi4jHBridge(direction, enable, pwm);
            Pi4jControlPanel panel = new Pi4jControlPanel(estop, home, buttons, clock, pins.debounceNanos());
            Mpu6050 imu = new Mpu6050(i2c, pins.imu(), calibration, clock);
            try {
                imu.init();
            } catch (Mpu6050.NotAnswering e) {
                // Start anyway: the supervisor faults on the missing samples within 100 ms and
                // limp home stays possible; refusing to start would strand someone inverted.
                Logger.error("{}; starting without it (imu_stale will latch)", e.getMessage());
            }
            TableHardware hardware = new TableHardware(imu, panel, motor, new Pi4jIndicators(led, buzzer),
                    new Pi4jHeartbeat(watchdog));
            return new Pi4jTableHardware(ctx, hardware, imu);
        } catch (RuntimeException e) {
            try {
                ctx.shutdown();
            } catch (RuntimeException shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw e;
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
        context.shutdown();
    }
}

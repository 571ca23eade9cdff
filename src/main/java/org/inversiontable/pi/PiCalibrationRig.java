package org.inversiontable.pi;

import java.util.Optional;
import org.inversiontable.calibration.BeepCode;
import org.inversiontable.calibration.CalibrateCommand;
import org.inversiontable.calibration.DriveRequest;
import org.inversiontable.calibration.DriveStatus;
import org.inversiontable.calibration.NotOnAPi;
import org.inversiontable.calibration.RawImuSample;
import org.inversiontable.calibration.RigRefused;
import org.inversiontable.config.Config;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.Mpu6050;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.inversiontable.hardware.pi4j.Pi4jTableHardware;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.runtime.Parker;
import org.inversiontable.time.Clock;
import org.inversiontable.time.SystemClock;

/**
 * The wired table as {@code calibrate} drives it: the same hardware as {@code run} (real providers,
 * sysfs PWM, the relay's read-back) but with the IMU's driver uncalibrated, since that is what is
 * measured; the drive is the real control loop of {@link ControllerAssembly} (controller, safety
 * supervisor, motor gate), with the hand controller replaced by the procedure's hold-to-run
 * ({@link HoldToRunPanel}: DOWN for TOWARD_INVERSION, UP for TOWARD_UPRIGHT, STOP and the e-stop
 * as wired). Nothing here writes the H-bridge.
 *
 * <pre>{@code
 * new CalibrateCommand(PiCalibrationRig::open, clock, Instant::now, CalibrateCommand.realTimePacer(clock),
 *         stateDir, new NioDurableFileSystem(), System.out, System.err).run(config);
 * }</pre>
 *
 * <p>Thread-safety: one thread (the procedure's) calls every method, in the order readImu, panel,
 * drive once per tick, as {@link org.inversiontable.calibration.CalibrationRig} says; the e-stop's
 * event reaches the gate from Pi4J's thread as in {@code run}, through the gate's own safe path.
 */
public final class PiCalibrationRig implements CalibrateCommand.OpenRig {
    private static final long SETTLE_STEP_NANOS = 1_000_000L;

    private final Pi4jTableHardware table;
    private final HoldToRunPanel panel;
    private final BeepingIndicators indicators;
    private final ControlLoop loop;
    private long lastRawNumber;
    private boolean closed;

    private PiCalibrationRig(Config config, Pi4jTableHardware table, Clock clock) {
        this.table = table;
        TableHardware wired = table.hardware();
        this.panel = new HoldToRunPanel(wired.panel());
        this.indicators = new BeepingIndicators(wired.indicators(), clock);
        this.loop = ControllerAssembly.build(config, wired.withPanel(panel).withIndicators(indicators), clock);
    }

    /**
     * Opens the table on a Raspberry Pi as {@code run} does, uncalibrated.
     *
     * @throws NotOnAPi   when this is not a Pi that Pi4J recognizes
     * @throws RigRefused when the table cannot be opened (the reason in one line)
     */
    public static PiCalibrationRig open(Config config) throws NotOnAPi, RigRefused {
        Optional<Pi4jContexts.Board> pi = Pi4jContexts.board();
        if (pi.isEmpty()) {
            throw new NotOnAPi("this machine is not a Raspberry Pi that Pi4J recognizes");
        }
        RunWiring wiring;
        try {
            wiring = RunWiring.from(config);
        } catch (IllegalArgumentException e) {
            throw new RigRefused("calibrate: " + e.getMessage());
        }
        try {
            Clock clock = new SystemClock();
            PiTableOpener.Opened opened = PiTableOpener.open("calibrate", pi.get(), wiring, ImuCalibration.NONE,
                    clock);
            return on(config, opened.table(), clock, Parker.SYSTEM);
        } catch (PiTableOpener.Refused e) {
            throw new RigRefused(e.getMessage());
        }
    }

    /**
     * On hardware already opened, uncalibrated (tests use Pi4J's mock providers); takes ownership of
     * it. Returns once the panel's debouncers have seen the wired levels for twice their window: they
     * start on the safe side (e-stop pressed), which the procedure's first tick would take for a
     * pressed e-stop.
     */
    static PiCalibrationRig on(Config config, Pi4jTableHardware table, Clock clock, Parker parker) {
        if (config == null || table == null || clock == null || parker == null) {
            throw new IllegalArgumentException("config, table, clock and parker must not be null");
        }
        PiCalibrationRig rig = new PiCalibrationRig(config, table, clock);
        long settleNanos = 2 * RunWiring.from(config).pins().debounceNanos() + SETTLE_STEP_NANOS;
        long start = clock.nanoTime();
        while (clock.nanoTime() - start < settleNanos) {
            table.hardware().panel().read();
            parker.parkNanos(SETTLE_STEP_NANOS);
        }
        return rig;
    }

    /** The sample the control loop's last tick read from the chip, raw; empty when it is not new. */
    @Override
    public Optional<RawImuSample> readImu() {
        Optional<Mpu6050.RawSample> raw = table.lastRawImuSample();
        if (raw.isEmpty() || raw.get().number() == lastRawNumber) {
            return Optional.empty();
        }
        lastRawNumber = raw.get().number();
        return Optional.of(new RawImuSample(raw.get().accelG(), raw.get().gyroDegS()));
    }

    /** The hand controller as wired; the controller's next read sees this same reading. */
    @Override
    public PanelReading panel() {
        PanelReading reading = table.hardware().panel().read();
        panel.use(reading);
        return reading;
    }

    @Override
    public void beep(BeepCode code) {
        indicators.beep(code);
    }

    /** One tick of the real control loop (heartbeat included) with the request as the held button. */
    @Override
    public DriveStatus drive(DriveRequest request) {
        panel.request(request);
        TickRecord tick = loop.tick();
        if (tick.state() == TableState.ESTOP) {
            return new DriveStatus(DriveStatus.Condition.ESTOP, "");
        }
        // A latched fault leaves the controller in FAULT or LIMP_HOME; the record's fault also carries
        // reports that stop nothing (button_stuck, SPEC §4), which must not end a calibration.
        if (tick.state() == TableState.FAULT || tick.state() == TableState.LIMP_HOME) {
            return new DriveStatus(DriveStatus.Condition.FAULT, tick.fault() == null ? tick.state().name()
                    : tick.fault().code() + ": " + tick.fault().meaning());
        }
        return DriveStatus.READY;
    }

    /** Motor power off through the gate, then Pi4J's shutdown states on every output. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            loop.gate().shutOff();
        } finally {
            table.close();
        }
    }
}

package org.inversiontable.calibration;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.session.CalibrationFileException;
import org.inversiontable.session.CalibrationStore;
import org.inversiontable.session.DurableFileSystem;
import org.inversiontable.session.StoredCalibration;
import org.inversiontable.time.Clock;

/**
 * {@code calibrate [--config FILE]} (SPEC §8): the guided procedure on the real table, its result
 * kept in the state directory, where {@code run} reads it at every start.
 *
 * <pre>{@code
 * // app/: after the configuration is loaded and checked (exit 2 on a bad one, as every command)
 * CalibrateCommand cmd = new CalibrateCommand(PiCalibrationRig::open,   // org.inversiontable.pi
 *         new SystemClock(), Instant::now, CalibrateCommand.realTimePacer(clock),
 *         Path.of("/var/lib/inversion-table"), new NioDurableFileSystem(), System.out, System.err);
 * return cmd.run(config);   // 0 stored, 1 stopped without storing, 2 not a Pi
 * }</pre>
 *
 * <p>Exit codes: 0 when the calibration is stored; 1 when the procedure stopped without storing (the
 * console said why); 2 off a Raspberry Pi (one line pointing to {@code simulate}) or when the table
 * cannot be opened (one line saying why). A bad configuration
 * file is the caller's to refuse (exit 2) before this runs, as for every command.
 */
public final class CalibrateCommand {
    private static final long TICK_NANOS = 10_000_000L;

    /** Opens the wired table for calibration. */
    @FunctionalInterface
    public interface RigOpener {
        /**
         * @throws NotOnAPi   when this is not a Raspberry Pi (start with {@link NotOnAPi#unless})
         * @throws RigRefused on a Pi, when the table cannot be opened (its message is the line to show)
         */
        OpenRig open(Config config) throws NotOnAPi, RigRefused;
    }

    /** A rig that holds hardware: closing it turns the motor off and applies the outputs' shutdown states. */
    public interface OpenRig extends CalibrationRig, AutoCloseable {
        @Override
        void close();
    }

    /** Waits until a tick's deadline: real time on the table, a manual clock in tests. */
    @FunctionalInterface
    public interface Pacer {
        void awaitNanos(long deadlineNanos) throws InterruptedException;
    }

    private final RigOpener opener;
    private final Clock clock;
    private final Supplier<Instant> wallClock;
    private final Pacer pacer;
    private final Path stateDir;
    private final DurableFileSystem files;
    private final PrintStream out;
    private final PrintStream err;

    public CalibrateCommand(RigOpener opener, Clock clock, Supplier<Instant> wallClock, Pacer pacer, Path stateDir,
                            DurableFileSystem files, PrintStream out, PrintStream err) {
        if (opener == null || clock == null || wallClock == null || pacer == null || stateDir == null || files == null
                || out == null || err == null) {
            throw new IllegalArgumentException("every argument must be given");
        }
        this.opener = opener;
        this.clock = clock;
        this.wallClock = wallClock;
        this.pacer = pacer;
        this.stateDir = stateDir;
        this.files = files;
        this.out = out;
        this.err = err;
    }

    /** The pacer for the table: parks until the deadline on {@code clock} (monotonic). */
    public static Pacer realTimePacer(Clock clock) {
        return deadline -> {
            long wait;
            while ((wait = deadline - clock.nanoTime()) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    throw new InterruptedException("calibration interrupted");
                }
            }
        };
    }

    public int run(Config config) {
        ImuMounting mounting = PinMap.from(config).imu();
        // Every home_deg the configuration allows (-70..-30) is far enough from level (CalibrationPlanTest).
        CalibrationPlan plan = CalibrationPlan.forHome(config.number(ConfigKey.HOME_DEG));
        CalibrationStore store = new CalibrationStore(stateDir, files);
        OpenRig rig;
        try {
            rig = opener.open(config);
        } catch (NotOnAPi e) {
            err.println("calibrate: this machine is not a Raspberry Pi with its Pi4J providers: calibrate measures the"
                    + " sensor on the table itself; on a desktop, use 'simulate'.");
            return 2;
        } catch (RigRefused e) {
            err.println(e.getMessage());
            return 2;
        }
        try (rig) {
            describeWhatIsStored(store);
            CalibrationKeeper keeper = s -> store.save(new StoredCalibration(s.calibration(), wallClock.get(), mounting,
                    s.residualDeg()));
            CalibrationProcedure procedure = new CalibrationProcedure(rig, mounting, plan, keeper, out::println);
            long next = clock.nanoTime();
            while (!procedure.tick(next).finished()) {
                next += TICK_NANOS;
                pacer.awaitNanos(next);
            }
            return procedure.step() == CalibrationStep.DONE ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("calibrate: interrupted; nothing was stored.");
            return 1;
        }
    }

    private void describeWhatIsStored(CalibrationStore store) {
        try {
            out.println("calibrate: now: " + store.load().describe() + "; a new one replaces it when stored.");
        } catch (CalibrationFileException e) {
            out.println("calibrate: the stored calibration cannot be used (" + e.getMessage() + "); a new one replaces it.");
        }
    }
}

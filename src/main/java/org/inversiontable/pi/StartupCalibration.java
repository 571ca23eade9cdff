package org.inversiontable.pi;

import java.nio.file.Path;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.session.CalibrationFileException;
import org.inversiontable.session.CalibrationState;
import org.inversiontable.session.CalibrationStore;
import org.inversiontable.session.DurableFileSystem;
import org.tinylog.Logger;

/**
 * The IMU calibration {@code run} starts with: the one {@code calibrate} stored in the state
 * directory for the configured mounting, or none (the sensor uncalibrated, with a note). A file
 * that is torn, damaged, edited, out of range or measured for another mounting is refused: a
 * calibration that might be wrong moves every angle the supervisor judges the limits on, so the
 * table does not start on it (exit 2, the message naming the file).
 *
 * <pre>{@code
 * ImuCalibration c = StartupCalibration.load(stateDir, pins.imu(), new NioDurableFileSystem());   // throws
 * }</pre>
 */
final class StartupCalibration {
    private StartupCalibration() {
    }

    /** @throws CalibrationFileException naming the file and what is wrong with it */
    static ImuCalibration load(Path stateDir, ImuMounting configured, DurableFileSystem files)
            throws CalibrationFileException {
        CalibrationState state = new CalibrationStore(stateDir, files).loadFor(configured);
        Logger.info("IMU calibration: {}", state.describe());
        return state.calibration();
    }
}

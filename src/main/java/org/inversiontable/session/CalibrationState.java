package org.inversiontable.session;

import org.inversiontable.hardware.ImuCalibration;

/** What the state directory holds for the IMU: nothing yet (with a note to show), or a calibration. */
public sealed interface CalibrationState permits CalibrationState.None, CalibrationState.Stored {
    /** The corrections the driver should apply: {@link ImuCalibration#NONE} when none is stored. */
    ImuCalibration calibration();

    /** One line for the log or the console. */
    String describe();

    /** @param note why there is none and what to do, naming the file */
    record None(String note) implements CalibrationState {
        @Override
        public ImuCalibration calibration() {
            return ImuCalibration.NONE;
        }

        @Override
        public String describe() {
            return note;
        }
    }

    record Stored(StoredCalibration stored) implements CalibrationState {
        @Override
        public ImuCalibration calibration() {
            return stored.calibration();
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "IMU calibration of %s (residual %.2f deg)", stored.measuredAt(),
                    stored.residualDeg());
        }
    }
}

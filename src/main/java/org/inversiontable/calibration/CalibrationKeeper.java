package org.inversiontable.calibration;

/** Where a checked calibration goes (the state directory's store, in {@link CalibrateCommand}). */
@FunctionalInterface
public interface CalibrationKeeper {
    /** @throws Exception whose message names the file and the problem when it could not be kept */
    void keep(Estimate.Solved solved) throws Exception;
}

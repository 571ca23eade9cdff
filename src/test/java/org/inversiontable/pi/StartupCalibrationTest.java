package org.inversiontable.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.ImuCalibration.Axes;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.session.CalibrationFileException;
import org.inversiontable.session.CalibrationStore;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.session.StoredCalibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} starts with: the stored calibration for its mounting, none, or a refusal. */
class StartupCalibrationTest {
    private static final ImuCalibration MEASURED = new ImuCalibration(new Axes(0.05, -0.03, 0.02),
            new Axes(1.02, 0.99, 0.98), new Axes(1.5, -0.5, 0.2));

    @TempDir
    Path dir;

    private void store(ImuMounting mounting) throws CalibrationFileException {
        new CalibrationStore(dir, new NioDurableFileSystem()).save(new StoredCalibration(MEASURED,
                Instant.parse("2026-11-30T22:00:00Z"), mounting, 0.1));
    }

    @Test
    void aStoredCalibrationForTheConfiguredMountingIsWhatTheDriverGets() throws Exception {
        store(ImuMounting.DEFAULT);
        assertEquals(MEASURED, StartupCalibration.load(dir, ImuMounting.DEFAULT, new NioDurableFileSystem()));
    }

    @Test
    void noFileRunsUncalibrated() throws Exception {
        assertSame(ImuCalibration.NONE, StartupCalibration.load(dir, ImuMounting.DEFAULT, new NioDurableFileSystem()));
    }

    @Test
    void aCalibrationMeasuredForAnotherMountingIsRefusedNamingTheFile() throws Exception {
        store(ImuMounting.DEFAULT);
        CalibrationFileException e = assertThrows(CalibrationFileException.class, () -> StartupCalibration.load(dir,
                new ImuMounting(Axis.MINUS_X, Axis.Z, 0.0, 2), new NioDurableFileSystem()));
        assertTrue(e.getMessage().startsWith(dir.resolve(CalibrationStore.FILE_NAME) + ": was measured for"),
                e.getMessage());
    }

    @Test
    void anEditedFileIsRefusedByItsChecksum() throws Exception {
        store(ImuMounting.DEFAULT);
        Path file = dir.resolve(CalibrationStore.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"accel_scale_x\":1.02", "\"accel_scale_x\":1.2"));
        CalibrationFileException e = assertThrows(CalibrationFileException.class,
                () -> StartupCalibration.load(dir, ImuMounting.DEFAULT, new NioDurableFileSystem()));
        assertTrue(e.getMessage().contains("fails its checksum"), e.getMessage());
    }
}

package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.ImuCalibration.Axes;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationStoreTest {
    private static final Path DIR = Path.of("/var/lib/inversion-table");
    private static final StoredCalibration OLD = new StoredCalibration(new ImuCalibration(new Axes(0.01, -0.02, 0.03),
            new Axes(1.01, 1.0, 0.99), new Axes(1.5, -0.5, 0.25)), Instant.parse("2026-11-01T10:00:00Z"),
            ImuMounting.DEFAULT, 0.12);
    private static final StoredCalibration NEW = new StoredCalibration(new ImuCalibration(new Axes(0.061, -0.04, 0.079),
            new Axes(1.0297, 1.0, 0.9712), new Axes(2.5, -1.5, 0.7)), Instant.parse("2026-11-30T22:00:00.123Z"),
            ImuMounting.DEFAULT, 0.03);

    @TempDir
    Path dir;

    @Test
    void aSavedCalibrationReadsBackExactlyFromARealDisk() throws Exception {
        CalibrationStore store = new CalibrationStore(dir.resolve("state"), new NioDurableFileSystem());
        store.save(NEW);
        assertEquals(new CalibrationState.Stored(NEW), store.load());
        assertEquals(NEW.calibration(), store.loadFor(ImuMounting.DEFAULT).calibration());
        String text = Files.readString(store.file());
        assertTrue(text.startsWith("{\"format\":\"inversion-table/imu-calibration/2\",\"measured_at\":\"2026-11-30T22:00:00.123Z\""), text);
        assertTrue(text.contains("\"accel_offset_x_g\":0.061,"), text);
        assertFalse(Files.exists(dir.resolve("state").resolve(CalibrationStore.FILE_NAME + ".tmp")));
    }

    @Test
    void randomCalibrationsRoundTrip() throws Exception {
        Random random = new Random(11);
        CalibrationStore store = new CalibrationStore(DIR, new PowerCutFileSystem());
        for (int i = 0; i < 200; i++) {
            StoredCalibration s = new StoredCalibration(new ImuCalibration(axes(random, 0, 0.25), axes(random, 1, 0.1),
                    axes(random, 0, 40)), Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L)),
                    new ImuMounting(Axis.values()[i % 6], Axis.of((i % 6 / 2 + 1 + i / 6 % 2) % 3, i / 12 % 2 == 0 ? 1 : -1),
                            random.nextDouble() * 20 - 10, 2 << (i % 4)), random.nextDouble());
            store.save(s);
            assertEquals(new CalibrationState.Stored(s), store.load(), "case " + i);
        }
    }

    @Test
    void noFileIsUncalibratedWithANoteNamingTheFileAndTheCommand() throws Exception {
        CalibrationState state = new CalibrationStore(DIR, new PowerCutFileSystem()).load();
        CalibrationState.None none = assertInstanceOf(CalibrationState.None.class, state);
        assertEquals(ImuCalibration.NONE, none.calibration());
        assertTrue(none.note().contains("/var/lib/inversion-table/imu-calibration.json") && none.note().contains("'calibrate'"),
                none.note());
    }

    @Test
    void aPowerCutAtEveryStepOfASaveLeavesTheOldOrTheNewCalibration() throws Exception {
        for (int cutAt = 1; cutAt <= 6; cutAt++) {
            for (long seed = 0; seed < 20; seed++) {
                PowerCutFileSystem fs = new PowerCutFileSystem();
                CalibrationStore store = new CalibrationStore(DIR, fs);
                store.save(OLD);
                fs.cutPowerAtStep(cutAt);
                try {
                    store.save(NEW);
                } catch (PowerCutFileSystem.PowerCut expected) {
                    // the program stops here, as at a power cut
                }
                fs.reboot(new Random(seed));
                CalibrationState after = store.load();
                assertTrue(after.equals(new CalibrationState.Stored(OLD)) || after.equals(new CalibrationState.Stored(NEW)),
                        "cut at " + cutAt + " seed " + seed + " " + fs.log() + " -> " + after);
            }
        }
    }

    @Test
    void aPowerCutDuringTheFirstSaveLeavesNoneOrTheNewCalibrationNeverAnError() throws Exception {
        for (int cutAt = 1; cutAt <= 6; cutAt++) {
            for (long seed = 0; seed < 20; seed++) {
                PowerCutFileSystem fs = new PowerCutFileSystem();
                CalibrationStore store = new CalibrationStore(DIR, fs);
                fs.cutPowerAtStep(cutAt);
                try {
                    store.save(NEW);
                } catch (PowerCutFileSystem.PowerCut expected) {
                    // as above
                }
                fs.reboot(new Random(seed));
                CalibrationState after = store.load();
                assertTrue(after instanceof CalibrationState.None || after.equals(new CalibrationState.Stored(NEW)),
                        "cut at " + cutAt + " seed " + seed + " " + fs.log() + " -> " + after);
            }
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndSaysWhy() throws Exception {
        for (int failAt = 1; failAt <= 4; failAt++) {
            PowerCutFileSystem fs = new PowerCutFileSystem();
            CalibrationStore store = new CalibrationStore(DIR, fs);
            store.save(OLD);
            fs.failAtStep(failAt, "No space left on device");
            CalibrationFileException e = assertThrows(CalibrationFileException.class, () -> store.save(NEW));
            assertEquals("/var/lib/inversion-table/imu-calibration.json: could not be written (No space left on device)",
                    e.getMessage());
            assertEquals(new CalibrationState.Stored(OLD), store.load(), "fail at " + failAt);
        }
    }

    @Test
    void aTornFileIsAnErrorNamingTheFileNeverAQuietDefault() throws Exception {
        byte[] whole = CalibrationStore.encode(NEW).getBytes(StandardCharsets.UTF_8);
        for (int length = 1; length < whole.length - 1; length += 7) {
            Path file = write(new String(whole, 0, length, StandardCharsets.UTF_8));
            CalibrationFileException e = assertThrows(CalibrationFileException.class,
                    () -> new CalibrationStore(dir, new NioDurableFileSystem()).load(), "length " + length);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        }
    }

    @Test
    void aDamagedDigitFailsTheChecksum() throws Exception {
        write(CalibrationStore.encode(NEW).replace("\"accel_offset_x_g\":0.061", "\"accel_offset_x_g\":0.071"));
        assertProblem("fails its checksum (crc32): it was damaged or edited by hand");
    }

    @Test
    void anEmptyFileIsNotAWholeJsonObject() throws Exception {
        write("");
        assertProblem("is not a whole JSON object");
    }

    @Test
    void anOutOfRangeValueIsRefusedNamingIt() throws Exception {
        write(withCrc(CalibrationStore.encode(NEW).replace("\"accel_scale_x\":1.0297", "\"accel_scale_x\":1.5")));
        assertProblem("is out of range: accelerometer scale of axis x must be within 0.9..1.1, was 1.5; run 'calibrate' again");
    }

    @Test
    void aResidualAboveOneDegreeIsRefused() throws Exception {
        write(withCrc(CalibrationStore.encode(NEW).replace("\"residual_deg\":0.03", "\"residual_deg\":2.5")));
        assertProblem("residual_deg must be within 0..1.0, was 2.5");
    }

    @Test
    void aMissingOrUnknownKeyIsNamed() throws Exception {
        write(withCrc(CalibrationStore.encode(NEW).replace("\"gyro_offset_z_deg_s\"", "\"gyro_offset_w_deg_s\"")));
        assertProblem("lacks [gyro_offset_z_deg_s] and has unknown [gyro_offset_w_deg_s]");
    }

    @Test
    void aNonNumberIsNamed() throws Exception {
        write(withCrc(CalibrationStore.encode(NEW).replace("\"imu_accel_range_g\":2", "\"imu_accel_range_g\":\"two\"")));
        assertProblem("imu_accel_range_g must be a finite number, was two");
    }

    @Test
    void anAxisThatIsNotASignedChipAxisIsNamed() throws Exception {
        write(withCrc(CalibrationStore.encode(NEW).replace("\"imu_axis_along\":\"x\"", "\"imu_axis_along\":\"+x\"")));
        assertProblem("imu_axis_along must be one of \"x\", \"-x\", \"y\", \"-y\", \"z\", \"-z\", was +x");
    }

    @Test
    void aFileOfTheFormatWithImuSignIsRefusedAskingForANewCalibration() throws Exception {
        write(withCrc(CalibrationStore.encode(NEW).replace("imu-calibration/2", "imu-calibration/1")
                .replace("\"imu_offset_deg\"", "\"imu_sign\":1,\"imu_offset_deg\"")));
        assertProblem("has format inversion-table/imu-calibration/1, expected inversion-table/imu-calibration/2;"
                + " run 'calibrate' again");
    }

    @Test
    void aCalibrationForAnotherMountingIsRefusedByLoadFor() throws Exception {
        CalibrationStore store = new CalibrationStore(dir, new NioDurableFileSystem());
        store.save(NEW);
        CalibrationFileException e = assertThrows(CalibrationFileException.class,
                () -> store.loadFor(new ImuMounting(Axis.MINUS_X, Axis.Z, 0.0, 2)));
        assertTrue(e.getMessage().contains("was measured for imu_axis_along = x, imu_axis_normal = z,")
                && e.getMessage().contains("the configuration says imu_axis_along = -x, imu_axis_normal = z,")
                && e.getMessage().contains("run 'calibrate' again"), e.getMessage());
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve(CalibrationStore.FILE_NAME);
        Files.writeString(file, text);
        return file;
    }

    private void assertProblem(String words) {
        CalibrationFileException e = assertThrows(CalibrationFileException.class,
                () -> new CalibrationStore(dir, new NioDurableFileSystem()).load());
        assertTrue(e.getMessage().startsWith(dir.resolve(CalibrationStore.FILE_NAME) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    /** Re-signs an edited file, so that the check under test is the one that speaks. */
    private static String withCrc(String text) {
        String body = text.strip();
        int at = body.lastIndexOf(",\"crc32\":\"");
        String withoutCrc = body.substring(0, at) + "}";
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(withoutCrc.getBytes(StandardCharsets.UTF_8));
        return body.substring(0, at) + ",\"crc32\":\"" + String.format("%08x", crc.getValue()) + "\"}\n";
    }

    private static Axes axes(Random random, double centre, double halfWidth) {
        return new Axes(centre + (random.nextDouble() * 2 - 1) * halfWidth, centre + (random.nextDouble() * 2 - 1) * halfWidth,
                centre + (random.nextDouble() * 2 - 1) * halfWidth);
    }
}

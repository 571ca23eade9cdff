package org.inversiontable.trace;

import org.inversiontable.json.JsonText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceWriterTest {
    private static final TraceRow ROW = new TraceRow(12.34, "MOVING", 5.123456, 5.2, -0.45678, true, 3.0005,
            false, true, "imu_stale", "auto_return", true, 70.0, 900.0, "beginner");

    @Test
    void aRowIsOneJsonObjectWithTheSpecFieldsInOrder() {
        assertEquals("{\"t_s\":12.340,\"state\":\"MOVING\",\"angle_true_deg\":5.1235,\"angle_meas_deg\":5.2000,"
                + "\"duty\":-0.4568,\"enabled\":true,\"inverted_s\":3.001,\"estop\":false,\"home_switch\":true,"
                + "\"fault\":\"imu_stale\",\"event\":\"auto_return\",\"heartbeat\":true,\"limit_angle_deg\":70.0,"
                + "\"limit_inverted_s\":900.0,\"profile\":\"beginner\"}", TraceWriter.line(ROW));
    }

    @Test
    void noValidSampleAndNoFaultOrEventAreNull() {
        TraceRow row = new TraceRow(0, "BOOT", -65, Double.NaN, 0, false, 0, true, true, null, null, false, 30.0,
                120.0, null);
        assertEquals("{\"t_s\":0.000,\"state\":\"BOOT\",\"angle_true_deg\":-65.0000,\"angle_meas_deg\":null,"
                + "\"duty\":0.0000,\"enabled\":false,\"inverted_s\":0.000,\"estop\":true,\"home_switch\":true,"
                + "\"fault\":null,\"event\":null,\"heartbeat\":false,\"limit_angle_deg\":30.0,\"limit_inverted_s\":120.0,"
                + "\"profile\":null}", TraceWriter.line(row));
    }

    @Test
    void stringsAreEscapedAsJsonRequires() {
        StringBuilder sb = new StringBuilder();
        JsonText.appendString(sb, "a\"b\\c\nd\re\tf\u0001g\u007f\u00e9\ud83d\ude00\ud800");
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u007f\u00e9\ud83d\ude00\\ud800\"", sb.toString());
    }

    @Test
    void fixedDecimalsRoundHalfAwayFromZeroAndNeverWriteMinusZero() {
        assertEquals("0.0000", fixed(-0.00004, 4));
        assertEquals("-0.0001", fixed(-0.00005, 4));
        assertEquals("0.001", fixed(0.0005, 3));
        assertEquals("-1.000", fixed(-0.9999, 3));
        assertEquals("0.010", fixed(0.01, 3));
        assertEquals("300.010", fixed(300.01, 3));
        assertEquals("null", fixed(Double.POSITIVE_INFINITY, 3));
        assertEquals("100000000000000000.000", fixed(1e17, 3));
        assertEquals("-2.5000", fixed(-2.5, 4));
    }

    @Test
    void fixedDecimalsAreWithinHalfAUnitOfTheValue() {
        Random random = new Random(20240611);
        for (int n = 0; n < 20_000; n++) {
            int decimals = 3 + random.nextInt(2);
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7));
            String text = fixed(v, decimals);
            assertTrue(text.matches("-?(0|[1-9][0-9]*)\\.[0-9]{" + decimals + "}"), text);
            double error = Math.abs(new BigDecimal(text).subtract(new BigDecimal(v)).doubleValue());
            assertTrue(error <= 0.5 * Math.pow(10, -decimals) + 1e-9, v + " -> " + text);
        }
    }

    @Test
    void rowsReadBackEqualToTheirWrittenPrecision() {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            TraceRow row = new TraceRow(n * 0.01, random.nextBoolean() ? "IDLE" : "FAULT \"x\"",
                    random.nextDouble() * 160 - 70, random.nextInt(4) == 0 ? Double.NaN : random.nextDouble() * 90,
                    random.nextDouble() * 2 - 1, random.nextBoolean(), random.nextDouble() * 900,
                    random.nextBoolean(), random.nextBoolean(), random.nextBoolean() ? null : "motion_stall",
                    random.nextBoolean() ? null : "warn\ning", random.nextBoolean(), 30 + random.nextInt(41),
                    random.nextInt(901), random.nextBoolean() ? null : "beginner");
            TraceRow back = TraceReader.parseLine(TraceWriter.line(row));
            assertEquals(row.tS(), back.tS(), 0.0005);
            assertEquals(row.state(), back.state());
            assertEquals(row.angleTrueDeg(), back.angleTrueDeg(), 0.00005);
            assertEquals(Double.isNaN(row.angleMeasDeg()), Double.isNaN(back.angleMeasDeg()));
            if (!Double.isNaN(row.angleMeasDeg())) {
                assertEquals(row.angleMeasDeg(), back.angleMeasDeg(), 0.00005);
            }
            assertEquals(row.duty(), back.duty(), 0.00005);
            assertEquals(row.enabled(), back.enabled());
            assertEquals(row.invertedS(), back.invertedS(), 0.0005);
            assertEquals(row.estop(), back.estop());
            assertEquals(row.homeSwitch(), back.homeSwitch());
            assertEquals(row.fault(), back.fault());
            assertEquals(row.event(), back.event());
            assertEquals(row.heartbeat(), back.heartbeat());
            assertEquals(row.limitAngleDeg(), back.limitAngleDeg(), 0.05);
            assertEquals(row.limitInvertedS(), back.limitInvertedS(), 0.05);
            assertEquals(row.profile(), back.profile());
        }
    }

    @Test
    void theWriterPutsOneRowPerLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.jsonl");
        try (TraceWriter w = TraceWriter.open(file)) {
            w.write(ROW);
            w.write(ROW);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of(TraceWriter.line(ROW), TraceWriter.line(ROW)), lines);
        assertEquals(List.of(ROW.event(), ROW.event()), TraceReader.readAll(file).stream().map(TraceRow::event).toList());
    }

    @Test
    void aFailedWriteNamesTheTraceFile() {
        Writer failing = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() throws IOException {
                throw new IOException("No space left on device");
            }
        };
        TraceWriter w = new TraceWriter(failing, "out.jsonl");
        TraceException e = assertThrows(TraceException.class, () -> w.write(ROW));
        assertEquals("cannot write the trace file out.jsonl: No space left on device", e.getMessage());
        assertThrows(TraceException.class, w::close);
    }

    @Test
    void aTraceFileInAMissingDirectoryIsReportedByName(@TempDir Path dir) {
        Path file = dir.resolve("no/such/dir/t.jsonl");
        TraceException e = assertThrows(TraceException.class, () -> TraceWriter.open(file));
        assertEquals("cannot write the trace file " + file + ": no such directory", e.getMessage());
    }

    @Test
    void theReaderRejectsMalformedLinesSayingWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceReader.parseLine("{\"t_s\":1.0,\"state\":\"IDLE\""));
        assertTrue(e.getMessage().contains("column"), e.getMessage());
        String missing = TraceWriter.line(ROW).replace(",\"duty\":-0.4568", "");
        assertEquals("missing field duty",
                assertThrows(IllegalArgumentException.class, () -> TraceReader.parseLine(missing)).getMessage());
    }

    private static String fixed(double v, int decimals) {
        StringBuilder sb = new StringBuilder();
        JsonText.appendFixed(sb, v, decimals);
        return sb.toString();
    }

    @Test
    void theRowEstimateCoversARowWithItsRawInputs() {
        String row = TraceWriter.line(new TraceRow(604799.99, "LIMP_HOME", -64.9999, -64.9999, -0.9999, true,
                899.999, true, true, "motion_wrong_direction", "motion_wrong_direction", true, 70.0, 900.0,
                "evening-stretch", new TraceRow.Inputs(Long.MAX_VALUE, "no_new_sample", -1.2345678901234567E-100,
                -1.2345678901234567E-100, 31, false, "motion_wrong_direction", false), null));
        assertTrue(row.length() + 1 <= TraceWriter.ROW_BYTES_ESTIMATE, row.length() + " bytes: " + row);
    }

    @Test
    void rawInputsAreWrittenLosslesslyAndReadBackBitForBit() {
        Random random = new Random(11);
        for (int n = 0; n < 2_000; n++) {
            double angle = switch (n % 5) {
                case 0 -> Double.NaN;
                case 1 -> Double.longBitsToDouble(random.nextLong()) ;
                case 2 -> n % 2 == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                default -> random.nextGaussian() * 40;
            };
            double gravity = n % 7 == 0 ? -0.0 : 1 + random.nextGaussian() * 1e-3;
            TraceRow.Inputs in = new TraceRow.Inputs(Long.MAX_VALUE - n, "fresh", angle, gravity, n & 31,
                    n % 3 == 0, n % 4 == 0 ? null : "motor_watchdog", n % 5 == 0);
            TraceRow row = new TraceRow(n * 0.01, "IDLE", 0, 0, 0, false, 0, false, true, null, null, false, 30, 180,
                    null, in, null);
            TraceRow.Inputs back = TraceReader.parseLine(TraceWriter.line(row)).inputs();
            assertEquals(in.tNs(), back.tNs());
            assertEquals(Double.doubleToLongBits(in.tiltAngleDeg()), Double.doubleToLongBits(back.tiltAngleDeg()),
                    "angle " + in.tiltAngleDeg());
            assertEquals(Double.doubleToLongBits(in.tiltGravityG()), Double.doubleToLongBits(back.tiltGravityG()));
            assertEquals(in, back);
        }
    }

    @Test
    void aBootRowCarriesTheRestoredSessionAndTheConfiguration() {
        java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("max_angle_deg", "45");
        config.put("journal_dir", "/var/lib/it \"quoted\"");
        TraceRow.Boot boot = new TraceRow.Boot(123_456_789_012L, 61.25000000000001, true, false, null, true, false,
                21.5, true, config);
        TraceRow row = new TraceRow(0.01, "BOOT", 0, Double.NaN, 0, false, 0, false, true, null, null, false, 30, 180,
                null, new TraceRow.Inputs(10_000_000L, "bus_error", Double.NaN, Double.NaN, 0, false, null, false), boot);
        String line = TraceWriter.line(row);
        assertTrue(line.contains(",\"boot_t_ns\":123456789012,\"boot_inverted_s\":61.25000000000001,"), line);
        assertTrue(line.endsWith(",\"config.max_angle_deg\":\"45\",\"config.journal_dir\":\"/var/lib/it \\\"quoted\\\"\"}"), line);
        assertEquals(row, TraceReader.parseLine(line));
    }
}

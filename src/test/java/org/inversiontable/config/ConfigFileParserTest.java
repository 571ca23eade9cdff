package org.inversiontable.config;

import static org.inversiontable.config.ConfigTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileParserTest {
    @TempDir
    Path dir;

    private ConfigProblem onlyProblem(Path file) {
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFileParser.parse(file));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void valuesCommentsAndBlankLinesAreRead() throws Exception {
        Path file = write(dir,
                "# a comment line",
                "",
                "   max_angle_deg = 25   # beginner, after a value",
                "imu_axis_along=y",
                "\timu_axis_normal = x\t");
        ConfigFile parsed = ConfigFileParser.read(file);
        assertEquals(25.0, parsed.config().number(ConfigKey.MAX_ANGLE_DEG));
        assertEquals("y", parsed.config().text(ConfigKey.IMU_AXIS_ALONG));
        assertEquals("x", parsed.config().text(ConfigKey.IMU_AXIS_NORMAL));
        assertEquals(3, parsed.keysSet());
        assertEquals(3, parsed.lineOfKey().get(ConfigKey.MAX_ANGLE_DEG));
    }

    @Test
    void keysNotSetTakeTheirDefaults() throws Exception {
        Config config = ConfigFileParser.parse(write(dir, "max_angle_deg = 20"));
        for (ConfigKey k : ConfigKey.values()) {
            if (k != ConfigKey.MAX_ANGLE_DEG) {
                assertEquals(k.defaultText(), config.text(k), k.key());
            }
        }
    }

    @Test
    void crLfLineEndsAndAByteOrderMarkAreAccepted() throws Exception {
        Path file = dir.resolve("windows.conf");
        Files.writeString(file, "\uFEFFmax_angle_deg = 22\r\nmax_inverted_s = 120\r\n", StandardCharsets.UTF_8);
        Config config = ConfigFileParser.parse(file);
        assertEquals(22.0, config.number(ConfigKey.MAX_ANGLE_DEG));
        assertEquals(120.0, config.number(ConfigKey.MAX_INVERTED_S));
    }

    @Test
    void aConfigurationNamingTheRemovedImuSignIsToldWhatReplacedIt() throws Exception {
        Path file = write(dir, "imu_sign = -1");
        ConfigProblem p = onlyProblem(file);
        assertEquals(1, p.line());
        assertEquals("imu_sign", p.key());
        assertTrue(p.message().contains("imu_sign was removed"), p.message());
        assertTrue(p.message().contains("imu_axis_along = -x"), p.message());
    }

    @Test
    void unknownKeyIsReportedWithFileLineAndDidYouMean() throws Exception {
        Path file = write(dir, "max_angle_deg = 20", "max_angel_deg = 25");
        ConfigProblem p = onlyProblem(file);
        assertEquals(file, p.file());
        assertEquals(2, p.line());
        assertEquals("max_angel_deg", p.key());
        assertEquals(file + ":2: max_angel_deg: unknown key; did you mean 'max_angle_deg'?", p.format());
    }

    @Test
    void unknownKeyFarFromEveryKeyHasNoSuggestion() throws Exception {
        ConfigProblem p = onlyProblem(write(dir, "colour_of_the_bed = blue"));
        assertEquals("unknown key", p.message());
    }

    @Test
    void keyInCapitalsIsUnknownButSuggestsTheSpelling() throws Exception {
        ConfigProblem p = onlyProblem(write(dir, "MAX_ANGLE_DEG = 20"));
        assertTrue(p.message().contains("did you mean 'max_angle_deg'?"), p.message());
    }

    @Test
    void lineWithoutEqualsIsMalformed() throws Exception {
        Path file = write(dir, "", "max_angle_deg 25");
        ConfigProblem p = onlyProblem(file);
        assertEquals(2, p.line());
        assertEquals(file + ":2: malformed line 'max_angle_deg 25': expected 'key = value'", p.format());
    }

    @Test
    void lineWithoutKeyIsMalformed() throws Exception {
        ConfigProblem p = onlyProblem(write(dir, "= 25"));
        assertTrue(p.message().startsWith("malformed line"), p.message());
    }

    @Test
    void emptyValueIsReportedWithWhatIsAllowedAndTheDefault() throws Exception {
        ConfigProblem p = onlyProblem(write(dir, "max_inverted_s =   # forgot it"));
        assertEquals("max_inverted_s", p.key());
        assertEquals("empty value; allowed: a number from 10 to 900; remove the line to use the default (180)",
                p.message());
    }

    @Test
    void valueAboveTheAbsoluteCapIsOutOfRange() throws Exception {
        Path file = write(dir, "max_angle_deg = 95");
        ConfigProblem p = onlyProblem(file);
        assertEquals(file + ":1: max_angle_deg: 95 is out of range; allowed: a number from 0 to 90", p.format());
    }

    @Test
    void valueThatIsNotANumberIsReported() throws Exception {
        ConfigProblem p = onlyProblem(write(dir, "v_max_deg_s = fast"));
        assertEquals("'fast' is not a number; allowed: a number from 0.5 to 8", p.message());
    }

    @Test
    void fractionForAPinIsNotAWholeNumber() throws Exception {
        ConfigProblem p = onlyProblem(write(dir, "pin_estop = 17.5"));
        assertTrue(p.message().contains("not a whole number"), p.message());
    }

    @Test
    void valueNotAmongTheChoicesIsReported() throws Exception {
        ConfigProblem p = onlyProblem(write(dir, "imu_axis_along = w"));
        assertEquals("'w' is not allowed; allowed: one of x, -x, y, -y, z, -z", p.message());
    }

    @Test
    void keyGivenTwiceIsReportedOnTheSecondLineNamingTheFirst() throws Exception {
        Path file = write(dir, "max_angle_deg = 20", "# ...", "max_angle_deg = 25");
        ConfigProblem p = onlyProblem(file);
        assertEquals(3, p.line());
        assertEquals(file + ":3: max_angle_deg: given twice (first on line 1); keep only one", p.format());
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() throws Exception {
        Path file = write(dir,
                "max_angle_deg = 120",
                "max_angel = 20",
                "this is not a setting",
                "v_max_deg_s =",
                "imu_sign = 2",
                "max_angle_deg = 20");
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFileParser.parse(file));
        List<Integer> lines = e.problems().stream().map(ConfigProblem::line).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), lines);
        String[] messageLines = e.getMessage().split("\n");
        assertEquals(6, messageLines.length);
        for (int i = 0; i < messageLines.length; i++) {
            assertTrue(messageLines[i].startsWith(file + ":" + (i + 1) + ": "), messageLines[i]);
        }
    }

    @Test
    void missingFileNamesTheFileAndTheReason() {
        Path file = dir.resolve("nope.conf");
        ConfigProblem p = onlyProblem(file);
        assertEquals(0, p.line());
        assertEquals(file + ": cannot read: no such file", p.format());
    }

    @Test
    void directoryInsteadOfAFileIsUnreadableWithTheOsReason() {
        ConfigProblem p = onlyProblem(dir);
        assertTrue(p.format().startsWith(dir + ": cannot read: "), p.format());
        assertFalse(p.format().contains("Exception"), p.format());
    }

    @Test
    void fileThatIsNotUtf8IsUnreadable() throws Exception {
        Path file = dir.resolve("latin1.conf");
        Files.write(file, new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        assertEquals("cannot read: not UTF-8 text", onlyProblem(file).message());
    }
}

package org.inversiontable.config;

import static org.inversiontable.config.ConfigTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CheckConfigCommand().run(List.of(args), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validFileExitsZeroAndSaysHowManyKeysItSets() throws Exception {
        Path file = write(dir, "max_angle_deg = 20", "max_inverted_s = 120 # 2 min");
        assertEquals(0, run(file.toString()));
        assertEquals(file + ": valid (2 keys set, the rest default)\n", out().replace("\r\n", "\n"));
        assertEquals("", err());
    }

    @Test
    void aValidFileWithProfilesNamesThem() throws Exception {
        Path file = write(dir, "max_angle_deg = 40", "profile.anna.progression = on", "profile.ben.max_angle_deg = 25");
        assertEquals(0, run(file.toString()));
        assertEquals(file + ": valid (1 key set, the rest default; 2 profiles: anna, ben)\n",
                out().replace("\r\n", "\n"));
    }

    @Test
    void aProfileAboveTheTableIsAProblemWithItsLine() throws Exception {
        Path file = write(dir, "max_angle_deg = 30", "profile.anna.max_angle_deg = 35");
        assertEquals(2, run(file.toString()));
        assertTrue(err().contains(file + ":2: profile.anna: profile.anna.max_angle_deg (35) is above the table's max_angle_deg (30)"), err());
    }

    @Test
    void invalidFileExitsTwoListingEveryProblem() throws Exception {
        Path file = write(dir, "max_angle_deg = 91", "max_angel_deg = 20", "pin_led = 17");
        assertEquals(2, run(file.toString()));
        assertTrue(err().contains(file + ":1: max_angle_deg: 91 is out of range"), err());
        assertTrue(err().contains(file + ":2: max_angel_deg: unknown key; did you mean 'max_angle_deg'?"), err());
        assertTrue(err().contains(file + ":3: pin_led: pin_led and pin_estop are both on BCM pin 17"), err());
        assertTrue(err().contains("3 problems"), err());
        assertEquals("", out());
    }

    @Test
    void aReturnThatCannotFitInTheInvertedTimeLimitExitsTwoNamingBothKeys() throws Exception {
        Path file = write(dir, "max_angle_deg = 90", "max_inverted_s = 200", "v_return_deg_s = 0.5");
        assertEquals(2, run(file.toString()));
        assertTrue(err().contains(file + ":2: max_inverted_s: the automatic return from max_angle_deg (90)"), err());
        assertTrue(err().contains("raise max_inverted_s to at least 238 or lower max_angle_deg to at most 75"), err());
    }

    @Test
    void anAccelerationLimitTheActuatorCannotStopWithinExitsTwoNamingTheKeysAndTheNearestAllowedValue()
            throws Exception {
        Path file = write(dir, "actuator_speed_deg_s = 30", "actuator_min_duty = 0.3", "a_max_deg_s2 = 0.5");
        assertEquals(2, run(file.toString()));
        assertTrue(err().contains("a_max_deg_s2 (0.5) is gentler than this table can stop"), err());
        assertTrue(err().contains("actuator_speed_deg_s 30 and actuator_min_duty 0.3"), err());
        assertTrue(err().contains("raise a_max_deg_s2 to at least 1.79"), err());
    }

    @Test
    void missingFileExitsTwoWithoutAStackTrace() {
        Path file = dir.resolve("missing.conf");
        assertEquals(2, run(file.toString()));
        assertTrue(err().contains(file + ": cannot read: no such file"), err());
        assertFalse(err().contains("Exception") || err().contains("\tat "), err());
    }

    @Test
    void noFileIsAUsageErrorExitingTwo() {
        assertEquals(2, run());
        assertTrue(err().contains("usage: check-config FILE"), err());
    }

    @Test
    void twoFilesOrAnUnknownOptionAreUsageErrors() {
        assertEquals(2, run("a.conf", "b.conf"));
        assertEquals(2, run("--strict"));
        assertTrue(err().contains("unknown option '--strict'"), err());
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("usage: check-config FILE"));
    }
}

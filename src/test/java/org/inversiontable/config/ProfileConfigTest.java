package org.inversiontable.config;

import static org.inversiontable.config.ConfigTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §13: profiles are declared, validated and cross-checked like every other key. */
class ProfileConfigTest {
    @TempDir
    Path dir;

    private ConfigFileException refused(String... lines) throws Exception {
        Path file = write(dir, lines);
        return assertThrows(ConfigFileException.class, () -> ConfigFileParser.parse(file));
    }

    @Test
    void profilesAreReadInTheOrderOfTheirFirstLine() throws Exception {
        Config c = ConfigFileParser.parse(write(dir,
                "max_angle_deg = 45", "max_inverted_s = 600",
                "profile.ben.max_angle_deg = 25",
                "profile.anna.progression = on",
                "profile.ben.v_max_deg_s = 3"));
        assertEquals(List.of("ben", "anna"), c.profiles().stream().map(ProfileSpec::name).toList());
        ProfileSpec ben = c.profiles().get(0);
        assertEquals(25.0, ben.ceiling(c).number(ConfigKey.MAX_ANGLE_DEG));
        assertEquals(3.0, ben.ceiling(c).number(ConfigKey.V_MAX_DEG_S));
        assertEquals(600.0, ben.ceiling(c).number(ConfigKey.MAX_INVERTED_S), "a key the profile leaves out is the table's");
        assertFalse(ben.progression());
        assertTrue(c.profiles().get(1).progression());
    }

    @Test
    void withNoProfileTheConfigurationHasNone() throws Exception {
        assertEquals(List.of(), ConfigFileParser.parse(write(dir, "max_angle_deg = 45")).profiles());
    }

    @Test
    void aProfileAboveTheTablesLimitIsRefusedNamingBothKeys() throws Exception {
        ConfigFileException e = refused("max_angle_deg = 30", "profile.anna.max_angle_deg = 45");
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem p = e.problems().get(0);
        assertEquals(2, p.line());
        assertTrue(p.message().contains("profile.anna.max_angle_deg (45)") && p.message().contains("max_angle_deg (30)"),
                p.format());
    }

    @Test
    void aProfileIsCrossCheckedLikeTheTable() throws Exception {
        // The table's own limits fit; the profile's slower return from its own angle does not.
        ConfigFileException e = refused("max_angle_deg = 60", "max_inverted_s = 120",
                "profile.slow.v_return_deg_s = 0.5");
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem p = e.problems().get(0);
        assertEquals(3, p.line(), p.format());
        assertTrue(p.message().startsWith("profile slow"), p.format());
        assertTrue(p.message().contains("profile.slow.v_return_deg_s (0.5)"), p.format());
        assertTrue(p.message().contains("does not fit in profile.slow.max_inverted_s"), p.format());
    }

    @Test
    void aProfileReturnSpeedAboveItsOwnSpeedLimitIsRefused() throws Exception {
        ConfigFileException e = refused("profile.anna.v_max_deg_s = 2", "profile.anna.v_return_deg_s = 3");
        assertTrue(e.getMessage().contains("profile.anna.v_return_deg_s (3) may not exceed profile.anna.v_max_deg_s (2)"),
                e.getMessage());
    }

    @Test
    void badProfileSettingsAreNamedWithTheirLines() throws Exception {
        ConfigFileException e = refused(
                "profile.anna.max_angle = 20",
                "profile.1st.max_angle_deg = 20",
                "profile.anna.progression = yes",
                "profile.anna.max_inverted_s = 5",
                "profile.anna = 3",
                "profile.ben.max_angle_deg = 20",
                "profile.ben.max_angle_deg = 25");
        List<ConfigProblem> ps = e.problems();
        assertEquals(6, ps.size(), e.getMessage());
        assertTrue(ps.get(0).message().startsWith("unknown profile key 'max_angle'"), ps.get(0).format());
        assertTrue(ps.get(1).message().contains("profile name '1st' is not allowed"), ps.get(1).format());
        assertTrue(ps.get(2).message().contains("'yes' is not allowed; allowed: one of on, off"), ps.get(2).format());
        assertTrue(ps.get(3).message().contains("out of range"), ps.get(3).format());
        assertTrue(ps.get(4).message().contains("profile.NAME.KEY"), ps.get(4).format());
        assertTrue(ps.get(5).message().contains("given twice (first on line 6)"), ps.get(5).format());
        for (int i = 0; i < ps.size(); i++) {
            assertEquals(i + 1 + (i == 5 ? 1 : 0), ps.get(i).line(), ps.get(i).format());
        }
    }

    @Test
    void atMostNineProfiles() throws Exception {
        String[] lines = new String[10];
        for (int i = 0; i < 10; i++) {
            lines[i] = "profile.p" + i + ".progression = on";
        }
        ConfigFileException e = refused(lines);
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(10, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().startsWith("at most 9 profiles"), e.getMessage());
    }

    @Test
    void aProfileLaidOverAnotherTakesItsKeysAndKeepsTheOrder() {
        Config base = Config.defaults().withProfiles(List.of(
                new ProfileSpec("anna", java.util.Map.of(ProfileKey.MAX_ANGLE_DEG, "25")),
                new ProfileSpec("ben", java.util.Map.of(ProfileKey.PROGRESSION, "on"))));
        Config over = base.withProfilesOverlaid(List.of(
                new ProfileSpec("ben", java.util.Map.of(ProfileKey.MAX_ANGLE_DEG, "20")),
                new ProfileSpec("cleo", java.util.Map.of())));
        assertEquals(List.of("anna", "ben", "cleo"), over.profiles().stream().map(ProfileSpec::name).toList());
        assertEquals(java.util.Map.of(ProfileKey.PROGRESSION, "on", ProfileKey.MAX_ANGLE_DEG, "20"),
                over.profiles().get(1).values());
    }
}

package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.inversiontable.sim.ScenarioHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preset stored with a 3 s PRESET hold survives a restart; a damaged store falls back safely. */
class PresetStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSavedPresetLoadsBack() {
        PresetStore store = new PresetStore(dir, new NioDurableFileSystem());
        assertTrue(store.save(21.5));
        assertEquals(OptionalDouble.of(21.5), new PresetStore(dir, new NioDurableFileSystem()).load());
    }

    @Test
    void noStoreMeansNoStoredPreset() {
        assertEquals(OptionalDouble.empty(), new PresetStore(dir, new NioDurableFileSystem()).load());
    }

    @Test
    void aTornOrAlteredStoreIsIgnoredNotBelieved() throws Exception {
        String whole = PresetStore.encode(21.5);
        for (int cut = 0; cut < whole.length() - 1; cut++) {
            assertEquals(OptionalDouble.empty(), PresetStore.decode(whole.substring(0, cut)), "cut at " + cut);
        }
        Files.writeString(dir.resolve(PresetStore.FILE_NAME), whole.replace("21.5", "81.5"), StandardCharsets.UTF_8);
        assertEquals(OptionalDouble.empty(), new PresetStore(dir, new NioDurableFileSystem()).load(),
                "a changed value no longer matches its CRC");
    }

    @Test
    void aPresetStoredBeforeAPowerCycleIsTheOneAClickGoesToAfterIt() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 14 release DOWN
                at 20 press PRESET
                at 24 release PRESET
                at 25 click HOME
                at 60 power-cycle
                at 62 click PRESET
                run 90
                """);
        double stored = run.at(24).angleTrueDeg();
        assertTrue(stored > -5 && stored < 15, "stored at " + stored + " deg, well away from the default 20");
        assertEquals("preset_stored", run.first(20, r -> "preset_stored".equals(r.event())).event());
        assertEquals(stored, run.at(90).angleTrueDeg(), 0.5, "after the restart PRESET goes to the stored angle");
    }
}

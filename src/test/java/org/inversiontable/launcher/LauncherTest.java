package org.inversiontable.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void readsTheFeatureVersionOfOldAndNewSpecificationStrings() {
        assertEquals(8, Launcher.featureVersion("1.8"));
        assertEquals(17, Launcher.featureVersion("17"));
        assertEquals(21, Launcher.featureVersion("21"));
        assertEquals(25, Launcher.featureVersion("25-ea"));
        assertEquals(0, Launcher.featureVersion("garbage"));
    }

    @Test
    void theRequiredJavaIsTheOneTheProjectIsBuiltFor() {
        assertEquals(21, Launcher.REQUIRED_JAVA);
    }
}

package org.inversiontable.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM flags of the start-ups with the JDK's class archives, and which Java has which. */
class StartupArchiveTest {
    private final Path file = Path.of("/work/simulate.archive");

    @Test
    void appCdsWritesTheArchiveAtTheFirstExitAndMapsItLaterWithTheSameFlags() {
        List<String> flags = List.of("-XX:SharedArchiveFile=/work/simulate.archive", "-XX:+AutoCreateSharedArchive");
        assertEquals(flags, StartupBench.Archive.APP_CDS.flags(file, true));
        assertEquals(flags, StartupBench.Archive.APP_CDS.flags(file, false));
    }

    @Test
    void theAotCacheIsTrainedWithItsOutputFlagAndUsedWithItsCacheFlag() {
        assertEquals(List.of("-XX:AOTCacheOutput=/work/simulate.archive"), StartupBench.Archive.AOT_CACHE.flags(file, true));
        assertEquals(List.of("-XX:AOTCache=/work/simulate.archive"), StartupBench.Archive.AOT_CACHE.flags(file, false));
    }

    @Test
    void theAotCachesOneStepTrainingNeedsJava25AppCdsAnyJavaThisProgramRunsOn() {
        assertFalse(StartupBench.Archive.AOT_CACHE.availableOn(21));
        assertFalse(StartupBench.Archive.AOT_CACHE.availableOn(24));
        assertTrue(StartupBench.Archive.AOT_CACHE.availableOn(25));
        assertTrue(StartupBench.Archive.APP_CDS.availableOn(21));
    }
}

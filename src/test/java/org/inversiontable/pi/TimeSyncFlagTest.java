package org.inversiontable.pi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSyncFlagTest {
    @TempDir
    Path dir;

    @Test
    void synchronisedOnceTheFlagFileExistsAndFromThenOn() throws Exception {
        Path flag = dir.resolve("synchronized");
        TimeSyncFlag sync = new TimeSyncFlag(flag);
        assertFalse(sync.getAsBoolean(), "no flag yet: the clock may still be the one of the last shutdown");
        Files.createFile(flag);
        assertTrue(sync.getAsBoolean());
        Files.delete(flag);
        assertTrue(sync.getAsBoolean(), "a clock once synchronised stays so until the next boot");
    }
}

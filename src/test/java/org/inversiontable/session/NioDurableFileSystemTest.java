package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's directory: made when missing, left alone when there, refused when a file is in the way. */
class NioDurableFileSystemTest {
    @TempDir
    Path root;

    private final NioDurableFileSystem fs = new NioDurableFileSystem();

    @Test
    void aMissingDirectoryIsMadeWithItsParents() throws IOException {
        Path dir = root.resolve("a/b/c");
        fs.createDirectories(dir);
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void anExistingDirectoryAndWhatItHoldsStayAsTheyAre() throws IOException {
        Path dir = Files.createDirectories(root.resolve("journal"));
        Files.writeString(dir.resolve("session.journal"), "kept");
        fs.createDirectories(dir);
        assertEquals("kept", Files.readString(dir.resolve("session.journal")));
    }

    @Test
    void aDirectoryRemovedSinceTheLastSaveIsMadeAgain() throws IOException {
        Path dir = root.resolve("journal");
        fs.createDirectories(dir);
        Files.delete(dir);
        fs.createDirectories(dir);
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAnError() throws IOException {
        Path file = Files.writeString(root.resolve("journal"), "not a directory");
        assertThrows(IOException.class, () -> fs.createDirectories(file));
    }
}

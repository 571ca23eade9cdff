package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionJournalTest {
    private static final SessionSnapshot OLD = new SessionSnapshot(7, 1_795_514_400_000L, 61.5, 24.25, true);
    private static final SessionSnapshot NEW = new SessionSnapshot(7, 1_795_514_400_000L, 62.5, 25.0, true);
    private static final Path DIR = Path.of("/journal");

    @TempDir
    Path dir;

    @Test
    void savedSnapshotLoadsBackExactly() throws Exception {
        SessionJournal journal = new SessionJournal(dir);
        SessionSnapshot s = new SessionSnapshot(12, 1_795_514_400_123L, 175.123456789, -3.0e-7, false);
        journal.save(s);
        assertEquals(new JournalState.Loaded(s), new SessionJournal(dir).load());
    }

    @Test
    void randomSnapshotsRoundTripExactly() throws Exception {
        Random random = new Random(7);
        SessionJournal journal = new SessionJournal(DIR, new PowerCutFileSystem());
        for (int i = 0; i < 200; i++) {
            SessionSnapshot s = new SessionSnapshot(random.nextLong(Long.MAX_VALUE), random.nextLong(Long.MAX_VALUE),
                    random.nextDouble() * 900, random.nextDouble() * 180 - 90, random.nextBoolean(), random.nextBoolean());
            journal.save(s);
            assertEquals(new JournalState.Loaded(s), journal.load(), "case " + i);
        }
    }

    @Test
    void aJournalWrittenBeforeReturnRanExistedReadsAsASessionWithoutTheReturn() throws Exception {
        String body = JournalCodec.HEADER + "\nsession_id=7\nstart_epoch_ms=1795514400000\ninverted_s=61.5\n"
                + "max_angle_deg=24.25\nactive=true\n";
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        String text = body + "crc32=" + java.util.HexFormat.of().toHexDigits((int) crc.getValue()) + "\n";
        assertEquals(new JournalState.Loaded(OLD), JournalCodec.decode(text.getBytes(StandardCharsets.UTF_8)));
        assertFalse(OLD.returnRan());
    }

    @Test
    void aSpentBudgetIsJournaledAndReadBack() throws Exception {
        SessionSnapshot spent = new SessionSnapshot(7, 1_795_514_400_000L, 61.5, 24.25, true, true);
        String text = new String(JournalCodec.encode(spent), StandardCharsets.UTF_8);
        assertTrue(text.contains("\nactive=true\nreturn_ran=true\ncrc32="), text);
        assertEquals(new JournalState.Loaded(spent), JournalCodec.decode(JournalCodec.encode(spent)));
    }

    @Test
    void aReturnRanThatIsNotABooleanIsCorrupt() throws Exception {
        String body = new String(JournalCodec.encode(OLD), StandardCharsets.UTF_8);
        body = body.substring(0, body.indexOf("crc32=")).replace("return_ran=false", "return_ran=yes");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        String text = body + "crc32=" + java.util.HexFormat.of().toHexDigits((int) crc.getValue()) + "\n";
        JournalState.Corrupt c = assertInstanceOf(JournalState.Corrupt.class,
                JournalCodec.decode(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(c.reason().contains("return_ran must be true or false"), c.reason());
    }

    @Test
    void noJournalIsAFreshStart() {
        assertEquals(new JournalState.Empty(), new SessionJournal(dir.resolve("not-yet")).load());
    }

    @Test
    void saveCreatesTheDirectoryAndReplacesThePreviousState() throws Exception {
        SessionJournal journal = new SessionJournal(dir.resolve("state"));
        journal.save(OLD);
        journal.save(NEW);
        assertEquals(new JournalState.Loaded(NEW), journal.load());
        try (var entries = Files.list(dir.resolve("state"))) {
            assertEquals(1, entries.count(), "only the journal remains");
        }
    }

    @Test
    void leftoverTempFileIsIgnoredAndRemoved() throws Exception {
        SessionJournal journal = new SessionJournal(dir);
        journal.save(OLD);
        Path temp = dir.resolve(SessionJournal.TEMP_NAME);
        Files.writeString(temp, "inversion-table session journal v1\nsession_id=9");
        assertEquals(new JournalState.Loaded(OLD), journal.load());
        assertFalse(Files.exists(temp));
    }

    @Test
    void emptyJournalFileIsCorrupt() throws Exception {
        Files.write(dir.resolve(SessionJournal.FILE_NAME), new byte[0]);
        JournalState.Corrupt c = assertInstanceOf(JournalState.Corrupt.class, new SessionJournal(dir).load());
        assertTrue(c.reason().contains("empty"), c.reason());
    }

    @Test
    void everyTruncationOfTheJournalIsCorrupt() throws Exception {
        new SessionJournal(dir).save(OLD);
        Path file = dir.resolve(SessionJournal.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        for (int length = 0; length < whole.length; length++) {
            assertInstanceOf(JournalState.Corrupt.class, JournalCodec.decode(Arrays.copyOf(whole, length)),
                    "length " + length);
        }
        Files.write(file, Arrays.copyOf(whole, whole.length - 1));
        assertInstanceOf(JournalState.Corrupt.class, new SessionJournal(dir).load());
    }

    @Test
    void everySingleFlippedBitIsCorrupt() throws Exception {
        new SessionJournal(dir).save(OLD);
        Path file = dir.resolve(SessionJournal.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        for (int i = 0; i < whole.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = whole.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertInstanceOf(JournalState.Corrupt.class, JournalCodec.decode(flipped), "byte " + i + " bit " + bit);
            }
        }
        whole[20] ^= 1;
        Files.write(file, whole);
        assertInstanceOf(JournalState.Corrupt.class, new SessionJournal(dir).load());
    }

    @Test
    void editedValueWithTheOldCrcIsCorrupt() throws Exception {
        new SessionJournal(dir).save(OLD);
        Path file = dir.resolve(SessionJournal.FILE_NAME);
        String text = Files.readString(file).replace("inverted_s=61.5", "inverted_s=11.5");
        Files.writeString(file, text);
        JournalState.Corrupt c = assertInstanceOf(JournalState.Corrupt.class, new SessionJournal(dir).load());
        assertTrue(c.reason().contains("crc32 does not match"), c.reason());
        assertTrue(c.reason().contains(file.toString()), c.reason());
    }

    @Test
    void journalThatIsADirectoryIsCorruptNotACrash() throws Exception {
        Files.createDirectory(dir.resolve(SessionJournal.FILE_NAME));
        assertInstanceOf(JournalState.Corrupt.class, new SessionJournal(dir).load());
    }

    @Test
    void fullDiskThrowsWithPathAndReasonAndKeepsTheOldJournal() throws Exception {
        PowerCutFileSystem fs = new PowerCutFileSystem();
        SessionJournal journal = new SessionJournal(DIR, fs);
        journal.save(OLD);
        fs.failAtStep(2, "No space left on device");
        JournalWriteException e = assertThrows(JournalWriteException.class, () -> journal.save(NEW));
        assertEquals(DIR.resolve(SessionJournal.FILE_NAME), e.path());
        assertEquals("No space left on device", e.reason());
        assertTrue(e.getMessage().contains("/journal/session.journal: No space left on device"), e.getMessage());
        assertEquals(new JournalState.Loaded(OLD), journal.load());
        assertFalse(fs.exists(DIR.resolve(SessionJournal.TEMP_NAME)), "temp removed");
    }

    @Test
    void readOnlyDirectoryThrowsAndKeepsTheOldJournal() throws Exception {
        new SessionJournal(dir).save(OLD);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            SessionJournal journal;
            boolean rootIgnoresPermissions = Files.isWritable(dir);
            if (rootIgnoresPermissions) {
                // root writes anyway: simulate the refusal a read-only directory gives
                journal = new SessionJournal(dir, new RefusingWrites(new NioDurableFileSystem()));
            } else {
                journal = new SessionJournal(dir);
            }
            JournalWriteException e = assertThrows(JournalWriteException.class, () -> journal.save(NEW));
            assertEquals("permission denied", e.reason());
            assertTrue(e.getMessage().contains(dir.resolve(SessionJournal.FILE_NAME).toString()), e.getMessage());
            assertEquals(new JournalState.Loaded(OLD), journal.load());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void directorySyncFailureIsReportedEvenThoughTheNewStateIsInPlace() throws Exception {
        PowerCutFileSystem fs = new PowerCutFileSystem();
        SessionJournal journal = new SessionJournal(DIR, fs);
        fs.failAtStep(5, "Input/output error");
        JournalWriteException e = assertThrows(JournalWriteException.class, () -> journal.save(NEW));
        assertTrue(e.reason().contains("may not survive a power cut"), e.reason());
        assertEquals(new JournalState.Loaded(NEW), journal.load());
    }

    @Test
    void failureAtAnyStepLeavesTheOldOrTheNewState() throws Exception {
        for (int failAt = 1; failAt <= 6; failAt++) {
            PowerCutFileSystem fs = new PowerCutFileSystem();
            SessionJournal journal = new SessionJournal(DIR, fs);
            journal.save(OLD);
            fs.failAtStep(failAt, "Input/output error");
            try {
                journal.save(NEW);
            } catch (JournalWriteException expected) {
                // the state on disk is what matters here
            }
            JournalState state = journal.load();
            assertTrue(state.equals(new JournalState.Loaded(OLD)) || state.equals(new JournalState.Loaded(NEW)),
                    "fail at " + failAt + " " + fs.log() + " -> " + state);
        }
    }

    @Test
    void powerCutAtAnyStepLeavesTheOldOrTheNewStateNeverGarbage() throws Exception {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            for (int cutAt = 1; cutAt <= 6; cutAt++) {
                PowerCutFileSystem fs = new PowerCutFileSystem();
                SessionJournal journal = new SessionJournal(DIR, fs);
                journal.save(OLD);
                fs.cutPowerAtStep(cutAt);
                try {
                    journal.save(NEW);
                } catch (PowerCutFileSystem.PowerCut expected) {
                    // the power went at this step
                }
                fs.reboot(random);
                JournalState state = new SessionJournal(DIR, fs).load();
                assertTrue(state.equals(new JournalState.Loaded(OLD)) || state.equals(new JournalState.Loaded(NEW)),
                        "seed " + seed + " cut at " + cutAt + " " + fs.log() + " -> " + state);
            }
        }
    }

    @Test
    void powerCutDuringTheFirstSaveLeavesNoJournalOrTheNewOne() throws Exception {
        for (long seed = 0; seed < 100; seed++) {
            Random random = new Random(seed);
            for (int cutAt = 1; cutAt <= 6; cutAt++) {
                PowerCutFileSystem fs = new PowerCutFileSystem();
                fs.cutPowerAtStep(cutAt);
                try {
                    new SessionJournal(DIR, fs).save(NEW);
                } catch (PowerCutFileSystem.PowerCut expected) {
                    // the power went at this step
                }
                fs.reboot(random);
                JournalState state = new SessionJournal(DIR, fs).load();
                assertTrue(state.equals(new JournalState.Empty()) || state.equals(new JournalState.Loaded(NEW)),
                        "seed " + seed + " cut at " + cutAt + " -> " + state);
            }
        }
    }

    @Test
    void aCompletedSaveSurvivesAPowerCut() throws Exception {
        for (long seed = 0; seed < 50; seed++) {
            PowerCutFileSystem fs = new PowerCutFileSystem();
            SessionJournal journal = new SessionJournal(DIR, fs);
            journal.save(OLD);
            journal.save(NEW);
            fs.reboot(new Random(seed));
            assertEquals(new JournalState.Loaded(NEW), new SessionJournal(DIR, fs).load(), "seed " + seed);
        }
    }

    @Test
    void journalIsReadableTextWithACrc() throws Exception {
        new SessionJournal(dir).save(OLD);
        String text = Files.readString(dir.resolve(SessionJournal.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("inversion-table session journal v1\nsession_id=7\n"), text);
        assertTrue(text.contains("\ninverted_s=61.5\n"), text);
        assertTrue(text.matches("(?s).*\ncrc32=[0-9a-f]{8}\n"), text);
        assertArrayEquals(JournalCodec.encode(OLD), Files.readAllBytes(dir.resolve(SessionJournal.FILE_NAME)));
    }

    @Test
    void snapshotRejectsImpossibleValuesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SessionSnapshot(1, 0, -1, 0, true));
        assertTrue(e.getMessage().startsWith("invertedS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SessionSnapshot(1, 0, 0, Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> new SessionSnapshot(-1, 0, 0, 0, true));
    }

    /** The real file system, except that creating a file is refused as in a read-only directory. */
    private record RefusingWrites(DurableFileSystem real) implements DurableFileSystem {
        @Override
        public void createDirectories(Path d) throws IOException {
            real.createDirectories(d);
        }

        @Override
        public void write(Path file, byte[] content) throws IOException {
            throw new AccessDeniedException(file.toString());
        }

        @Override
        public void force(Path file) throws IOException {
            real.force(file);
        }

        @Override
        public void atomicMove(Path source, Path target) throws IOException {
            real.atomicMove(source, target);
        }

        @Override
        public void forceDirectory(Path d) throws IOException {
            real.forceDirectory(d);
        }

        @Override
        public java.util.Optional<byte[]> read(Path file, int maxBytes) throws IOException {
            return real.read(file, maxBytes);
        }

        @Override
        public void deleteIfExists(Path file) throws IOException {
            real.deleteIfExists(file);
        }
    }
}

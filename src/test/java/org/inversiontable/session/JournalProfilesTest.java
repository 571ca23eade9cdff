package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.inversiontable.progression.ProfileBook;
import org.inversiontable.progression.ProgressionState;
import org.junit.jupiter.api.Test;

/**
 * SPEC §13: the profiles' state is journaled with the session, in the same crash-safe write, so
 * every step at which the existing journal tests cut the power or fail the disk leaves the old or
 * the new state of both, never a session's end without its effect on the level or the reverse.
 */
class JournalProfilesTest {
    private static final Path DIR = Path.of("/journal");
    private static final LocalDate MON = LocalDate.of(2026, 1, 5);

    /** The session runs at level 1 with two comfortable dates... */
    private static final SessionSnapshot RUNNING = new SessionSnapshot(7, 1_767_600_000_000L, 119.5, 25.0, true, false,
            new ProfileBook("anna", ordered("anna", new ProgressionState(1, List.of(MON, MON.plusDays(2)), 0),
                    "ben", new ProgressionState(3, List.of(), 1)), 1_767_400_000_000L, MON.plusDays(2)));
    /** ...and its comfortable end on a third date grows it to 2, in one write. */
    private static final SessionSnapshot ENDED = new SessionSnapshot(7, 1_767_600_000_000L, 120.0, 25.0, false, false,
            new ProfileBook("anna", ordered("anna", new ProgressionState(2, List.of(), 0),
                    "ben", new ProgressionState(3, List.of(), 1)), 1_767_600_300_000L, MON.plusDays(4)));

    /** Two profiles in this order (Map.of has none, and the journal writes them in the book's). */
    private static Map<String, ProgressionState> ordered(String a, ProgressionState pa, String b, ProgressionState pb) {
        Map<String, ProgressionState> m = new LinkedHashMap<>();
        m.put(a, pa);
        m.put(b, pb);
        return m;
    }

    @Test
    void randomBooksRoundTripExactly() throws Exception {
        Random random = new Random(13);
        SessionJournal journal = new SessionJournal(DIR, new PowerCutFileSystem());
        for (int i = 0; i < 300; i++) {
            Map<String, ProgressionState> progress = new LinkedHashMap<>();
            int profiles = random.nextInt(10);
            for (int p = 0; p < profiles; p++) {
                List<LocalDate> dates = new ArrayList<>();
                int n = random.nextInt(ProgressionState.DATES_TO_GROW);
                for (int d = 0; d < n; d++) {
                    dates.add(MON.plusDays(d * 3L + random.nextInt(3)));
                }
                progress.put("p" + p + (random.nextBoolean() ? "_x" : "-Y"),
                        new ProgressionState(random.nextInt(20), dates, random.nextInt(ProgressionState.RUN_TO_DROP)));
            }
            ProfileBook book = new ProfileBook(profiles == 0 || random.nextBoolean() ? null : progress.keySet().iterator().next(),
                    progress, random.nextBoolean() ? 0 : random.nextLong(Long.MAX_VALUE),
                    random.nextBoolean() ? null : MON.plusDays(random.nextInt(1000)));
            SessionSnapshot s = new SessionSnapshot(random.nextLong(Long.MAX_VALUE), random.nextLong(Long.MAX_VALUE),
                    random.nextDouble() * 900, random.nextDouble() * 180 - 90, random.nextBoolean(), random.nextBoolean(),
                    book);
            journal.save(s);
            assertEquals(new JournalState.Loaded(s), journal.load(), "case " + i);
        }
    }

    @Test
    void aJournalWithoutProfilesReadsAsAnEmptyBook() throws Exception {
        SessionSnapshot plain = new SessionSnapshot(7, 1_767_600_000_000L, 61.5, 24.25, true);
        String text = new String(JournalCodec.encode(plain), StandardCharsets.UTF_8);
        assertTrue(!text.contains("profile") && !text.contains("progress"), text);
        JournalState state = JournalCodec.decode(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(ProfileBook.EMPTY, ((JournalState.Loaded) state).snapshot().profiles());
    }

    @Test
    void theProfilesLinesAreReadableText() {
        String text = new String(JournalCodec.encode(RUNNING), StandardCharsets.UTF_8);
        assertTrue(text.contains("\nprofile=anna\nlast_end_epoch_ms=1767400000000\nlast_date=2026-01-07\n"
                + "progress.anna=1;0;2026-01-05,2026-01-07\nprogress.ben=3;1;\ncrc32="), text);
    }

    @Test
    void aBadProgressLineWithAValidCrcIsCorrupt() {
        for (String bad : List.of("progress.anna=x;0;", "progress.anna=1;0;2026-13-01", "progress.anna=1;2;",
                "progress.anna=-1;0;", "progress.anna=1;0", "progresss.anna=1;0;", "progress.anna=1;0;2026-01-05,2026-01-05")) {
            String body = JournalCodec.HEADER + "\nsession_id=7\nstart_epoch_ms=1\ninverted_s=1.0\nmax_angle_deg=1.0\n"
                    + "active=true\nreturn_ran=false\nprofile=anna\nlast_end_epoch_ms=0\nlast_date=\n" + bad + "\n";
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(body.getBytes(StandardCharsets.UTF_8));
            String text = body + "crc32=" + java.util.HexFormat.of().toHexDigits((int) crc.getValue()) + "\n";
            assertInstanceOf(JournalState.Corrupt.class, JournalCodec.decode(text.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    @Test
    void powerCutAtAnyStepOfTheEndsWriteLeavesTheRunningSessionOrTheEndedOneWithItsLevel() throws Exception {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            for (int cutAt = 1; cutAt <= 6; cutAt++) {
                PowerCutFileSystem fs = new PowerCutFileSystem();
                SessionJournal journal = new SessionJournal(DIR, fs);
                journal.save(RUNNING);
                fs.cutPowerAtStep(cutAt);
                try {
                    journal.save(ENDED);
                } catch (PowerCutFileSystem.PowerCut expected) {
                    // the power went at this step
                }
                fs.reboot(random);
                JournalState state = new SessionJournal(DIR, fs).load();
                assertTrue(state.equals(new JournalState.Loaded(RUNNING)) || state.equals(new JournalState.Loaded(ENDED)),
                        "seed " + seed + " cut at " + cutAt + " " + fs.log() + " -> " + state);
            }
        }
    }

    @Test
    void aFailureAtAnyStepOfTheEndsWriteLeavesTheRunningSessionOrTheEndedOne() throws Exception {
        for (int failAt = 1; failAt <= 6; failAt++) {
            PowerCutFileSystem fs = new PowerCutFileSystem();
            SessionJournal journal = new SessionJournal(DIR, fs);
            journal.save(RUNNING);
            fs.failAtStep(failAt, "Input/output error");
            try {
                journal.save(ENDED);
            } catch (JournalWriteException expected) {
                // the state on disk is what matters here
            }
            JournalState state = journal.load();
            assertTrue(state.equals(new JournalState.Loaded(RUNNING)) || state.equals(new JournalState.Loaded(ENDED)),
                    "fail at " + failAt + " " + fs.log() + " -> " + state);
        }
    }
}

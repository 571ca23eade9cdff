package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionHistoryTest {
    private static final HistoryRecord FIRST = new HistoryRecord(Instant.parse("2026-11-24T10:00:00Z"),
            Instant.parse("2026-11-24T10:06:30Z"), 30.1, 175.0, EndedBy.USER);
    private static final HistoryRecord SECOND = new HistoryRecord(Instant.parse("2026-11-26T18:00:00Z"),
            Instant.parse("2026-11-26T18:04:00Z"), 25.0, 180.0, EndedBy.AUTO_RETURN);

    @TempDir
    Path dir;

    @Test
    void recordIsOneJsonLineOfTheDocumentedShape() {
        assertEquals("{\"start\":\"2026-11-24T10:00:00Z\",\"end\":\"2026-11-24T10:06:30Z\",\"max_angle_deg\":30.1,"
                + "\"inverted_s\":175.0,\"ended_by\":\"user\"}", FIRST.toJson());
    }

    @Test
    void appendedRecordsReadBackInOrder() throws Exception {
        SessionHistory history = new SessionHistory(dir.resolve("sub/history.jsonl"));
        history.append(FIRST);
        history.append(SECOND);
        assertEquals(new HistoryReadResult(List.of(FIRST, SECOND), List.of()), history.read());
        assertEquals(FIRST.toJson() + "\n" + SECOND.toJson() + "\n",
                Files.readString(history.file(), StandardCharsets.UTF_8));
    }

    @Test
    void missingFileReadsAsNoSessions() throws Exception {
        assertEquals(new HistoryReadResult(List.of(), List.of()), new SessionHistory(dir.resolve("h.jsonl")).read());
    }

    @Test
    void tornLastLineIsSkippedWithAWarningNamingItsLine() throws Exception {
        Path file = dir.resolve("history.jsonl");
        String torn = SECOND.toJson().substring(0, 40);
        Files.writeString(file, FIRST.toJson() + "\n" + torn);
        HistoryReadResult result = new SessionHistory(file).read();
        assertEquals(List.of(FIRST), result.records());
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).startsWith(file + ":2: skipped a torn last line"), result.warnings().get(0));
    }

    @Test
    void appendAfterATornLineStartsOnANewLineAndStaysWhole() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, FIRST.toJson() + "\n" + SECOND.toJson().substring(0, 40));
        SessionHistory history = new SessionHistory(file);
        history.append(SECOND);
        HistoryReadResult result = history.read();
        assertEquals(List.of(FIRST, SECOND), result.records());
        assertEquals(1, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).startsWith(file + ":2: skipped a line that is not a session record"),
                result.warnings().get(0));
    }

    @Test
    void everyTruncationOfTheLastLineLosesOnlyThatRecord() throws Exception {
        Path file = dir.resolve("history.jsonl");
        String whole = FIRST.toJson() + "\n" + SECOND.toJson() + "\n";
        int secondStart = FIRST.toJson().length() + 1;
        for (int cut = secondStart; cut < whole.length(); cut++) {
            Files.writeString(file, whole.substring(0, cut));
            HistoryReadResult result = new SessionHistory(file).read();
            boolean secondComplete = cut == whole.length() - 1; // only its line break is missing
            assertEquals(secondComplete ? List.of(FIRST, SECOND) : List.of(FIRST), result.records(), "cut " + cut);
            assertEquals(secondComplete || cut == secondStart ? 0 : 1, result.warnings().size(), "cut " + cut);
        }
    }

    @Test
    void garbledLinesAreSkippedWithTheirLineNumbers() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, String.join("\n",
                FIRST.toJson(),
                "not json at all",
                FIRST.toJson().replace("\"user\"", "\"bored\""),
                FIRST.toJson().replace("30.1", "NaN"),
                FIRST.toJson().replace(",\"inverted_s\":175.0", ""),
                "",
                SECOND.toJson()) + "\n");
        HistoryReadResult result = new SessionHistory(file).read();
        assertEquals(List.of(FIRST, SECOND), result.records());
        List<String> lineNumbers = new ArrayList<>();
        for (String w : result.warnings()) {
            lineNumbers.add(w.substring(file.toString().length() + 1, w.indexOf(": ")));
        }
        assertEquals(List.of("2", "3", "4", "5"), lineNumbers);
        assertTrue(result.warnings().get(1).contains("ended_by 'bored'"), result.warnings().get(1));
        assertTrue(result.warnings().get(3).contains("missing \"inverted_s\""), result.warnings().get(3));
    }

    @Test
    void whitespaceAndUnknownExtraFieldsAreAccepted() {
        HistoryRecord r = HistoryRecord.fromJson(" { \"ended_by\" : \"estop\", \"start\":\"2026-11-24T10:00:00Z\","
                + " \"end\":\"2026-11-24T10:01:00Z\", \"max_angle_deg\": -1.5e1, \"inverted_s\": 0,"
                + " \"note\": \"a \\\"quoted\\\" \\u00e9\" } ");
        assertEquals(new HistoryRecord(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:01:00Z"),
                -15.0, 0.0, EndedBy.ESTOP), r);
    }

    @Test
    void malformedJsonIsRejectedWithTheColumn() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> HistoryRecord.fromJson(FIRST.toJson().replace("{", "{\"end\":\"2026-11-24T10:00:00Z\",")));
        assertTrue(dup.getMessage().contains("Duplicate field 'end'") && dup.getMessage().contains("column"), dup.getMessage());
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
                () -> HistoryRecord.fromJson(FIRST.toJson() + "x"));
        assertTrue(trailing.getMessage().contains("column"), trailing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HistoryRecord.fromJson(FIRST.toJson().replace("175.0", "0x1p3")));
    }

    @Test
    void randomRecordsRoundTripExactly() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            Instant start = Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L));
            HistoryRecord r = new HistoryRecord(start, start.plusNanos(random.nextLong(3_600_000_000_000L)),
                    random.nextDouble() * 160 - 70, random.nextDouble() * 900,
                    EndedBy.values()[random.nextInt(EndedBy.values().length)]);
            assertEquals(r, HistoryRecord.fromJson(r.toJson()), r.toJson());
        }
    }

    @Test
    void recordRejectsAnEndBeforeItsStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HistoryRecord(
                Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T09:00:00Z"), 0, 0, EndedBy.USER));
        assertTrue(e.getMessage().startsWith("end"), e.getMessage());
    }
}

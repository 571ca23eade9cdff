package org.inversiontable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * HAZARDS.md names, for each software mitigation, the tests that prove it. The log cannot go
 * stale: a test renamed or deleted fails here, and so does a hazard row that names none.
 */
class HazardLogTest {
    private static final Path LOG = Path.of("HAZARDS.md");
    private static final Path TESTS = Path.of("src/test/java");
    /** {@code `ClassName#methodName`} in the log's "verified by" column. */
    private static final Pattern TEST_REF = Pattern.compile("`([A-Z]\\w*)#([a-z]\\w*)`");
    private static final Pattern HAZARD_ROW = Pattern.compile("^\\| (H\\d+) \\|.*$", Pattern.MULTILINE);

    @Test
    void everyTestTheLogNamesExists() throws IOException {
        Map<String, String> testSources = testSources();
        List<String> missing = new ArrayList<>();
        Matcher m = TEST_REF.matcher(Files.readString(LOG));
        int named = 0;
        while (m.find()) {
            named++;
            String source = testSources.get(m.group(1));
            if (source == null || !Pattern.compile("\\bvoid " + m.group(2) + "\\(").matcher(source).find()) {
                missing.add(m.group(1) + "#" + m.group(2));
            }
        }
        assertEquals(List.of(), missing, "HAZARDS.md names tests that do not exist");
        assertTrue(named >= 20, "HAZARDS.md names only " + named + " tests: is the column still there?");
    }

    @Test
    void everyHazardNamesAtLeastOneTest() throws IOException {
        Matcher rows = HAZARD_ROW.matcher(Files.readString(LOG));
        List<String> unproven = new ArrayList<>();
        int hazards = 0;
        while (rows.find()) {
            hazards++;
            if (!TEST_REF.matcher(rows.group()).find()) {
                unproven.add(rows.group(1));
            }
        }
        assertTrue(hazards >= 10, "found only " + hazards + " hazard rows in HAZARDS.md");
        assertEquals(List.of(), unproven, "hazards whose software mitigation no test proves");
    }

    private static Map<String, String> testSources() throws IOException {
        Map<String, String> byClass = new HashMap<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                byClass.merge(name, Files.readString(f), String::concat);
            }
        }
        return byClass;
    }
}

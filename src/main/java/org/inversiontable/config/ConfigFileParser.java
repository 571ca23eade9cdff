package org.inversiontable.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code key = value} configuration file ({@code #} starts a comment anywhere on a
 * line; blank lines are ignored) into a validated {@link Config}. Every problem in the file is
 * collected, not only the first, so a builder fixes them all in one pass:
 *
 * <pre>{@code
 * try {
 *     Config config = ConfigFileParser.parse(Path.of("/etc/inversion-table.conf"));
 * } catch (ConfigFileException e) {
 *     System.err.println(e.getMessage());   // FILE:LINE: key: message, one per line
 * }
 * }</pre>
 */
public final class ConfigFileParser {
    private static final char COMMENT = '#';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ConfigFileParser() {
    }

    public static Config parse(Path file) throws ConfigFileException {
        return read(file).config();
    }

    /** Parses and validates, keeping the line of every key set (for check-config). */
    public static ConfigFile read(Path file) throws ConfigFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigFileException(List.of(new ConfigProblem(file, 0, "", "cannot read: " + reason(e))));
        }
        return parseLines(file, lines);
    }

    /** Parses lines already read; {@code file} names them in the messages. */
    public static ConfigFile parseLines(Path file, List<String> lines) throws ConfigFileException {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, Integer> lineOfKey = new EnumMap<>(ConfigKey.class);
        Set<ConfigKey> badKeys = EnumSet.noneOf(ConfigKey.class);
        ProfileTableBuilder profiles = new ProfileTableBuilder();
        Set<String> badProfiles = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            parseLine(file, i + 1, lines.get(i), values, lineOfKey, badKeys, problems, profiles, badProfiles);
        }
        Config config = Config.defaults().with(values).withProfiles(profiles.build());
        for (CrossCheckProblem cross : ConfigCrossChecks.problems(config)) {
            // A conflict involving a key that is already reported bad is judged against a
            // default the builder never chose: it would only confuse.
            if (Collections.disjoint(cross.keys(), badKeys)
                    && (cross.profile() == null || !badProfiles.contains(cross.profile()))) {
                problems.add(crossProblem(file, cross, lineOfKey, profiles));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new ConfigFileException(problems);
        }
        return new ConfigFile(file, config, lineOfKey);
    }

    private static void parseLine(Path file, int lineNumber, String rawLine, Map<ConfigKey, String> values,
            Map<ConfigKey, Integer> lineOfKey, Set<ConfigKey> badKeys, List<ConfigProblem> problems,
            ProfileTableBuilder profiles, Set<String> badProfiles) {
        String line = lineNumber == 1 && !rawLine.isEmpty() && rawLine.charAt(0) == BYTE_ORDER_MARK
                ? rawLine.substring(1) : rawLine;
        int comment = line.indexOf(COMMENT);
        String content = (comment >= 0 ? line.substring(0, comment) : line).trim();
        if (content.isEmpty()) {
            return;
        }
        int equals = content.indexOf('=');
        if (equals < 0) {
            problems.add(new ConfigProblem(file, lineNumber, "",
                    "malformed line '" + content + "': expected 'key = value'"));
            return;
        }
        String name = content.substring(0, equals).trim();
        String value = content.substring(equals + 1).trim();
        if (name.isEmpty()) {
            problems.add(new ConfigProblem(file, lineNumber, "",
                    "malformed line '" + content + "': no key before '='"));
            return;
        }
        if (ProfileTableBuilder.isProfileSetting(name)) {
            profiles.add(name, value, lineNumber).ifPresent(problem -> {
                badProfiles.add(name.substring(ProfileTableBuilder.PREFIX.length()).split("\\.", 2)[0]);
                problems.add(new ConfigProblem(file, lineNumber, name, problem));
            });
            return;
        }
        Optional<ConfigKey> key = ConfigKey.byKey(name);
        if (key.isEmpty()) {
            problems.add(new ConfigProblem(file, lineNumber, name, unknownKeyMessage(name)));
            return;
        }
        ConfigKey k = key.get();
        Integer firstLine = lineOfKey.putIfAbsent(k, lineNumber);
        if (firstLine != null) {
            badKeys.add(k);
            problems.add(new ConfigProblem(file, lineNumber, name,
                    "given twice (first on line " + firstLine + "); keep only one"));
        }
        String problem = value.isEmpty() ? emptyValueMessage(k) : ConfigValues.problem(k, value);
        if (problem != null) {
            badKeys.add(k);
            problems.add(new ConfigProblem(file, lineNumber, name, problem));
        } else if (firstLine == null) {
            values.put(k, value);
        }
    }

    private static String unknownKeyMessage(String name) {
        return "unknown key" + ConfigKey.removedKeyAdvice(name).map(advice -> "; " + advice)
                .orElseGet(() -> ConfigKey.nearest(name).map(k -> "; did you mean '" + k.key() + "'?").orElse(""));
    }

    private static String emptyValueMessage(ConfigKey k) {
        String dflt = k.defaultText().isEmpty() ? "" : " (" + k.defaultText() + ")";
        return "empty value; allowed: " + k.allowed() + "; remove the line to use the default" + dflt;
    }

    private static ConfigProblem crossProblem(Path file, CrossCheckProblem cross, Map<ConfigKey, Integer> lineOfKey,
            ProfileTableBuilder profiles) {
        ConfigKey latest = null;
        int latestLine = cross.profile() == null ? 0 : profiles.lastLineOf(cross.profile());
        for (ConfigKey k : cross.keys()) {
            Integer line = lineOfKey.get(k);
            if (line != null && line > latestLine) {
                latestLine = line;
                latest = k;
            }
        }
        String shownKey = latest != null ? latest.key() : cross.profile() != null ? "profile." + cross.profile() : "";
        return new ConfigProblem(file, latestLine, shownKey, cross.message());
    }

    /** The operating system's reason, in words, without the file name the caller already gives. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}

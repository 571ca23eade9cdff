package org.inversiontable.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigCrossChecks;
import org.inversiontable.config.CrossCheckProblem;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.config.ConfigValues;
import org.inversiontable.config.ProfileTableBuilder;
import org.inversiontable.control.TableState;

/**
 * Reads a scenario file (SPEC §9). Every problem in the file is collected before anything is
 * thrown, so one run of {@code scenario} shows the author all of them:
 * <pre>{@code
 * Scenario s = ScenarioParser.parse(Path.of("scenarios/estop.scn"));   // throws ScenarioException
 * }</pre>
 * Names are spelt exactly as the SPEC spells them (buttons and states upper case, faults lower
 * case) so that scenario files stay greppable.
 */
public final class ScenarioParser {
    private static final String STATEMENTS = "config, start, at, run, expect";
    /**
     * The longest run a scenario may ask for: 7 days of simulated time, longer than any session,
     * history or progression test needs (about 10 minutes of computing, no trace).
     */
    public static final long MAX_RUN_NANOS = 7L * 24 * 3600 * 1_000_000_000L;
    private static final String EXPECT_FORMS = "expect state NAME at T | expect angle X +- TOL at T"
            + " | expect max_angle <= X | expect max_inverted_s <= X";
    private static final List<String> STATES = Tokens.upperNames(TableState.class);

    private record Problem(int line, String text) {
    }

    /** An action with the words its line used, for the message if it lies after the run. */
    private record Pending(TimedAction action, String form) {
    }

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, Integer> overrideLines = new EnumMap<>(ConfigKey.class);
    private final ProfileTableBuilder profiles = new ProfileTableBuilder();
    private StartState start = StartState.defaults();
    private int startLine;
    private final List<Pending> actions = new ArrayList<>();
    private long runNanos = -1;
    private String runWritten;
    /** The line of the first run statement, even a bad one (then runNanos stays -1). */
    private int runLine;
    private final List<Expectation> expectations = new ArrayList<>();

    private ScenarioParser(Path file) {
        this.file = file;
    }

    public static Scenario parse(Path file) throws ScenarioException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            throw new ScenarioException(List.of(file + ": cannot read the scenario file: " + reason(e)));
        }
        return parse(file, lines);
    }

    /** Parses text already read; {@code file} names it in the messages. */
    public static Scenario parse(Path file, List<String> lines) throws ScenarioException {
        return new ScenarioParser(file).parseLines(lines);
    }

    private Scenario parseLines(List<String> lines) throws ScenarioException {
        for (int i = 0; i < lines.size(); i++) {
            String text = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            List<String> words = words(text);
            if (!words.isEmpty()) {
                try {
                    statement(i + 1, words);
                } catch (LineProblem p) {
                    problems.add(new Problem(i + 1, p.getMessage()));
                }
            }
        }
        crossCheckConfig();
        if (runLine == 0) {
            problems.add(new Problem(Math.max(1, lines.size()),
                    "no 'run T' statement; say how long to simulate, e.g. run 60"));
        } else if (runNanos > 0) {
            checkWithinRun();
            checkRunLength();
        }
        checkPowerCuts();
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.stream()
                    .sorted(Comparator.comparingInt(Problem::line))
                    .map(p -> file + ":" + p.line() + ": " + p.text())
                    .toList());
        }
        List<TimedAction> timed = new ArrayList<>(actions.stream().map(Pending::action).toList());
        // List.sort is stable: statements at the same time keep file order (SPEC §9).
        timed.sort(Comparator.comparingLong(TimedAction::atNanos));
        return new Scenario(file, overrides, start, timed, runNanos, expectations, runLine, profiles.build());
    }

    /**
     * The checks that span keys (v_return_deg_s not above v_max_deg_s, two functions on one pin,
     * ...), as a configuration file gets them, reported on the line that set the later key.
     */
    private void crossCheckConfig() {
        if (overrides.isEmpty() && profiles.build().isEmpty()) {
            return;
        }
        Config merged = Config.defaults().with(overrides).withProfiles(profiles.build());
        for (CrossCheckProblem cross : ConfigCrossChecks.problems(merged)) {
            int line = Math.max(cross.profile() == null ? 0 : profiles.lastLineOf(cross.profile()),
                    cross.keys().stream().map(overrideLines::get).filter(java.util.Objects::nonNull)
                            .max(Integer::compare).orElse(0));
            if (line > 0) {
                problems.add(new Problem(line, "config: " + cross.message()));
            }
        }
    }

    private static List<String> words(String line) {
        int hash = line.indexOf('#');
        String code = (hash >= 0 ? line.substring(0, hash) : line).strip();
        return code.isEmpty() ? List.of() : List.of(code.split("\\s+"));
    }

    private void statement(int line, List<String> words) throws LineProblem {
        List<String> rest = words.subList(1, words.size());
        switch (words.get(0)) {
            case "config" -> config(line, rest);
            case "start" -> start(line, rest);
            case "at" -> at(line, rest);
            case "run" -> run(line, rest);
            case "expect" -> expect(line, rest);
            default -> throw new LineProblem("unknown statement '" + words.get(0) + "'; allowed: " + STATEMENTS);
        }
    }

    private void config(int line, List<String> pairs) throws LineProblem {
        if (pairs.isEmpty()) {
            throw new LineProblem("'config' needs key=value settings, e.g. config max_angle_deg=45");
        }
        for (String token : joinSpaced(line, pairs, "max_angle_deg=45")) {
            try {
                configPair(line, token);
            } catch (LineProblem p) {
                problems.add(new Problem(line, p.getMessage()));
            }
        }
    }

    private void configPair(int line, String token) throws LineProblem {
        String[] kv = Tokens.pair(token, "max_angle_deg=45");
        if (ProfileTableBuilder.isProfileSetting(kv[0])) {
            java.util.Optional<String> problem = profiles.add(kv[0], kv[1], line);
            if (problem.isPresent()) {
                throw new LineProblem(kv[0] + ": " + problem.get());
            }
            return;
        }
        ConfigKey key = ConfigKey.byKey(kv[0]).orElseThrow(() -> new LineProblem(
                "unknown configuration key '" + kv[0] + "'" + ConfigKey.removedKeyAdvice(kv[0]).map(a -> "; " + a)
                        .orElseGet(() -> ConfigKey.nearest(kv[0]).map(k -> "; did you mean " + k.key() + "?").orElse(""))));
        String problem = ConfigValues.problem(key, kv[1]);
        if (problem != null) {
            throw new LineProblem(key.key() + ": " + problem);
        }
        Integer first = overrideLines.putIfAbsent(key, line);
        if (first != null) {
            throw new LineProblem(key.key() + " is set twice (first on line " + first + ")");
        }
        overrides.put(key, kv[1]);
    }

    /**
     * Settings written with spaces around '=' ({@code max_angle_deg = 45}) are reported once as
     * such, not as three broken settings; the rest go on to be checked.
     */
    private List<String> joinSpaced(int line, List<String> tokens, String example) {
        List<String> settings = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int end = i + 1;
            while (end < tokens.size() && (tokens.get(end - 1).endsWith("=") || tokens.get(end).startsWith("="))) {
                end++;
            }
            if (end - i > 1) {
                problems.add(new Problem(line, "'" + String.join(" ", tokens.subList(i, end))
                        + "' has spaces around '='; write each setting as one word, e.g. " + example));
            } else {
                settings.add(tokens.get(i));
            }
            i = end;
        }
        return settings;
    }

    private void start(int line, List<String> pairs) throws LineProblem {
        if (startLine != 0) {
            throw new LineProblem("a second 'start' statement (the first is on line " + startLine
                    + "); put every start setting on one line");
        }
        startLine = line;
        if (pairs.isEmpty()) {
            throw new LineProblem("'start' needs key=value settings, e.g. start angle_deg=-65");
        }
        StartBuilder builder = new StartBuilder();
        for (String token : joinSpaced(line, pairs, "angle_deg=-65")) {
            try {
                builder.set(Tokens.pair(token, "angle_deg=-65"));
            } catch (LineProblem p) {
                problems.add(new Problem(line, p.getMessage()));
            }
        }
        start = builder.build();
    }

    private void at(int line, List<String> words) throws LineProblem {
        if (words.size() < 2) {
            throw new LineProblem("'at' needs a time and an action, e.g. at 1.0 press DOWN");
        }
        long atNanos = Tokens.nanos(words.get(0), "'at'");
        List<String> actionWords = words.subList(1, words.size());
        List<TimedAction> parsed = ActionParser.parse(atNanos, line, actionWords);
        String form = "'at " + String.join(" ", words) + "'";
        actions.add(new Pending(parsed.get(0), form));
        for (TimedAction later : parsed.subList(1, parsed.size())) {
            actions.add(new Pending(later, "the release 0.1 s after " + form));
        }
    }

    private void run(int line, List<String> words) throws LineProblem {
        if (runLine != 0) {
            throw new LineProblem("a second 'run' statement (the first is on line " + runLine + ")");
        }
        runLine = line;
        if (words.isEmpty()) {
            throw new LineProblem("'run' needs the simulated time to stop at, in seconds, e.g. run 60");
        }
        long nanos = Tokens.nanos(words.get(0), "'run'");
        Tokens.expectEnd(words, 1, "run " + words.get(0));
        if (nanos == 0) {
            throw new LineProblem("'run 0' simulates nothing; give a time > 0 in seconds");
        }
        runNanos = nanos;
        runWritten = words.get(0);
    }

    /**
     * A typo (run 1000000000) must not simulate for hours and fill the disk with a trace. Only
     * the time with the power on counts: a power-off is one jump of the clock, not ticks.
     */
    private void checkRunLength() {
        long cutNanos = PowerCuts.of(actions.stream().map(Pending::action).toList()).offNanosUntil(runNanos);
        if (runNanos - cutNanos > MAX_RUN_NANOS) {
            problems.add(new Problem(runLine, "'run " + runWritten + "' is longer than a scenario may run: at most "
                    + ScenarioWords.seconds(MAX_RUN_NANOS) + " s (7 days of simulated time"
                    + (cutNanos > 0 ? " with the power on; the power-off gaps do not count" : "")
                    + "); split a longer test into several scenarios"));
        }
    }

    private void expect(int line, List<String> words) throws LineProblem {
        if (words.isEmpty()) {
            throw new LineProblem("'expect' needs a check; allowed: " + EXPECT_FORMS);
        }
        expectations.add(switch (words.get(0)) {
            case "state" -> {
                form(words, 4, "state NAME at T", 2, "at");
                TableState state = Tokens.name(words.get(1), "state", TableState.class, STATES);
                yield new StateAt(state, Tokens.nanos(words.get(3), "'expect state'"), line);
            }
            case "angle" -> {
                form(words, 6, "angle X +- TOL at T", 4, "at");
                if (!words.get(2).equals("+-") && !words.get(2).equals("±")) {
                    throw new LineProblem("expected '+-' (or '±') after the angle, got '" + words.get(2)
                            + "'; form: expect angle X +- TOL at T");
                }
                double deg = Tokens.number(words.get(1), "expected angle (deg)");
                double tolDeg = Tokens.number(words.get(3), "tolerance (deg)");
                if (tolDeg < 0) {
                    throw new LineProblem("tolerance " + words.get(3) + " is negative; allowed: a number >= 0");
                }
                yield new AngleAt(deg, tolDeg, Tokens.nanos(words.get(5), "'expect angle'"), line);
            }
            case "max_angle" -> {
                form(words, 3, "max_angle <= X", 1, "<=");
                yield new MaxAngleAtMost(Tokens.number(words.get(2), "max_angle (deg)"), line);
            }
            case "max_inverted_s" -> {
                form(words, 3, "max_inverted_s <= X", 1, "<=");
                double seconds = Tokens.number(words.get(2), "max_inverted_s (s)");
                if (seconds < 0) {
                    throw new LineProblem("max_inverted_s " + words.get(2) + " is negative; allowed: a number >= 0");
                }
                yield new MaxInvertedAtMost(seconds, line);
            }
            default -> throw new LineProblem("unknown expectation '" + words.get(0) + "'; allowed: " + EXPECT_FORMS);
        });
    }

    /** Checks the word count and the fixed word of an expect form. */
    private static void form(List<String> words, int size, String form, int fixedAt, String fixed)
            throws LineProblem {
        if (words.size() < size) {
            throw new LineProblem("'expect " + String.join(" ", words) + "' is incomplete; form: expect " + form);
        }
        if (!words.get(fixedAt).equals(fixed)) {
            throw new LineProblem("expected '" + fixed + "', got '" + words.get(fixedAt) + "'; form: expect " + form);
        }
        Tokens.expectEnd(words, size, "expect " + form);
    }

    /** Nothing may be scheduled after the end of the run: it would silently never happen. */
    private void checkWithinRun() {
        String end = "after the end of the run ('run " + ScenarioWords.seconds(runNanos) + "' on line " + runLine + ")";
        Set<Integer> reported = new HashSet<>();
        for (Pending p : actions) {
            TimedAction a = p.action();
            if (a.atNanos() > runNanos && reported.add(a.line())) {
                problems.add(new Problem(a.line(), p.form() + " at " + ScenarioWords.seconds(a.atNanos()) + " s is " + end));
            }
        }
        for (Expectation e : expectations) {
            if (Expectation.timeOf(e).orElse(0) > runNanos) {
                problems.add(new Problem(e.line(), "'expect " + e.describe() + "' is " + end));
            }
        }
    }

    /**
     * SPEC §9: the time axis jumps over a power cut, so nothing can be timed inside one: not an
     * action (nor one at the cut's own time written after it), not a timed expectation, not the
     * end of the run. At exactly the time the power comes back is allowed: it acts after the first
     * tick of the booted controller, as any action at T acts after the tick at T.
     */
    private void checkPowerCuts() {
        List<Pending> sorted = new ArrayList<>(actions);
        sorted.sort(Comparator.comparingLong(p -> p.action().atNanos()));
        Set<Integer> reported = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            TimedAction cut = sorted.get(i).action();
            if (!(cut.action() instanceof PowerOffAction off)) {
                continue;
            }
            long backNanos = cut.atNanos() + off.durationNanos();
            String before = "before the power comes back at " + ScenarioWords.seconds(backNanos) + " s (the 'at "
                    + ScenarioWords.seconds(cut.atNanos()) + " " + off.describe() + "' on line " + cut.line() + ")";
            for (int j = i + 1; j < sorted.size() && sorted.get(j).action().atNanos() < backNanos; j++) {
                TimedAction a = sorted.get(j).action();
                if (reported.add(a.line())) {
                    problems.add(new Problem(a.line(), sorted.get(j).form() + " at "
                            + ScenarioWords.seconds(a.atNanos()) + " s is " + before));
                }
            }
            for (Expectation e : expectations) {
                long t = Expectation.timeOf(e).orElse(-1);
                if (t > cut.atNanos() && t < backNanos) {
                    problems.add(new Problem(e.line(), "'expect " + e.describe() + "' is " + before));
                }
            }
            if (runNanos > 0 && runNanos < backNanos) {
                problems.add(new Problem(runLine, "'run " + runWritten + "' ends " + before + "; run at least until "
                        + ScenarioWords.seconds(backNanos)));
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

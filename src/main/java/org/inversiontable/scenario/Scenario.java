package org.inversiontable.scenario;

import org.inversiontable.config.Config;
import org.inversiontable.config.ProfileSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.inversiontable.config.ConfigKey;

/**
 * A parsed scenario file (SPEC §9), ready for {@link ScenarioRunner}.
 *
 * @param actions      sorted by time; equal times keep file order
 * @param runUntilNanos the simulation ends after the tick at this time; no action or timed
 *                      expectation lies after it
 * @param runLine       the line of the {@code run} statement, for messages about the run (0: none)
 * @param profiles      {@code profile.NAME.KEY} settings of its {@code config} statements (SPEC §13),
 *                      laid over the configuration's profiles
 */
public record Scenario(Path file, Map<ConfigKey, String> configOverrides, StartState start,
                       List<TimedAction> actions, long runUntilNanos, List<Expectation> expectations,
                       int runLine, List<ProfileSpec> profiles) {
    /** A scenario that configures no profile. */
    public Scenario(Path file, Map<ConfigKey, String> configOverrides, StartState start,
                    List<TimedAction> actions, long runUntilNanos, List<Expectation> expectations, int runLine) {
        this(file, configOverrides, start, actions, runUntilNanos, expectations, runLine, List.of());
    }

    /** The configuration this scenario runs with: its settings over {@code base}. */
    public Config configOver(Config base) {
        return base.with(configOverrides).withProfilesOverlaid(profiles);
    }

    /** A scenario not read from a file line by line: its run statement has no line (0). */
    public Scenario(Path file, Map<ConfigKey, String> configOverrides, StartState start,
                    List<TimedAction> actions, long runUntilNanos, List<Expectation> expectations) {
        this(file, configOverrides, start, actions, runUntilNanos, expectations, 0);
    }

    public Scenario {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(start, "start");
        EnumMap<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.putAll(Objects.requireNonNull(configOverrides, "configOverrides"));
        configOverrides = Collections.unmodifiableMap(overrides);
        actions = List.copyOf(actions);
        profiles = List.copyOf(profiles);
        expectations = List.copyOf(expectations);
        if (runUntilNanos <= 0) {
            throw new IllegalArgumentException("runUntilNanos must be > 0, got " + runUntilNanos);
        }
        long previous = 0;
        for (TimedAction a : actions) {
            if (a.atNanos() < previous) {
                throw new IllegalArgumentException("actions must be sorted by time: line " + a.line());
            }
            if (a.atNanos() > runUntilNanos) {
                throw new IllegalArgumentException("action of line " + a.line() + " lies after runUntilNanos");
            }
            previous = a.atNanos();
        }
        for (Expectation e : expectations) {
            if (Expectation.timeOf(e).orElse(0) > runUntilNanos) {
                throw new IllegalArgumentException("expectation of line " + e.line() + " lies after runUntilNanos");
            }
        }
    }
}

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
 * @param actions      sorted by time; equal times keep file order; none inside a power cut
 *                      ({@link PowerOffAction}: from its time, after it, until the power comes back)
 * @param runUntilNanos the simulation ends after the tick at this time; no action or timed
 *                      expectation lies after it, and it does not end inside a power cut
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
        long powerBackNanos = 0;
        for (TimedAction a : actions) {
            if (a.atNanos() < previous) {
                throw new IllegalArgumentException("actions must be sorted by time: line " + a.line());
            }
            if (a.atNanos() > runUntilNanos) {
                throw new IllegalArgumentException("action of line " + a.line() + " lies after runUntilNanos");
            }
            // The runner and the targets rely on it: nothing happens while the power is off.
            if (a.atNanos() < powerBackNanos) {
                throw new IllegalArgumentException("action of line " + a.line() + " lies inside a power cut");
            }
            if (a.action() instanceof PowerOffAction off) {
                powerBackNanos = a.atNanos() + off.durationNanos();
            }
            previous = a.atNanos();
        }
        if (runUntilNanos < powerBackNanos) {
            throw new IllegalArgumentException("runUntilNanos lies inside a power cut");
        }
        List<PowerCuts.Cut> cuts = PowerCuts.of(actions).cuts();
        for (Expectation e : expectations) {
            long t = Expectation.timeOf(e).orElse(0);
            if (t > runUntilNanos) {
                throw new IllegalArgumentException("expectation of line " + e.line() + " lies after runUntilNanos");
            }
            for (PowerCuts.Cut c : cuts) {
                if (t > c.fromNanos() && t < c.backNanos()) {
                    throw new IllegalArgumentException("expectation of line " + e.line() + " lies inside a power cut");
                }
            }
        }
    }

    /**
     * The simulated time with the power on, up to the end of the run: what is ticked and traced
     * (a power-off's gap is one jump of the clock).
     */
    public long poweredNanos() {
        return runUntilNanos - PowerCuts.of(actions).offNanosUntil(runUntilNanos);
    }
}

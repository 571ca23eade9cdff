package org.inversiontable.trace;

import org.inversiontable.config.ProfileSpec;
import org.inversiontable.config.ProfileTableBuilder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.TickInputs;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.process.SessionKeeper;
import org.inversiontable.process.TableProcess;

/**
 * Makes trace rows from what a tick returns, the same way for every writer of a trace (the
 * scenario's simulated table, the real-time runtime, replay), so that their rows compare:
 * <pre>{@code
 * TableProcess process = ControllerAssembly.start(config, hardware, clock, wallClock, dir);
 * TraceRow.Boot boot = TraceRows.boot(process, config, bootNanos, heartbeatLevelBeforeTheFirstTick);
 * TickRecord record = process.tick();
 * TraceRow row = TraceRows.row(record, angleTrueDeg, profile, boot);   // boot on the first row only, then null
 * }</pre>
 */
public final class TraceRows {
    /** Spelled once: a row is made on every tick, and lower-casing a name each time showed in profiles. */
    private static final String[] STATUS_TEXTS = statusTexts();

    private TraceRows() {
    }

    /**
     * @param angleTrueDeg the simulated table's true angle; NaN on a real table (written null)
     * @param profile      null, or the name of the profile in force
     * @param boot         what the process start restored, on its first row only; else null
     */
    public static TraceRow row(TickRecord r, double angleTrueDeg, String profile, TraceRow.Boot boot) {
        MotorCommand applied = r.applied();
        return new TraceRow(r.timeNanos() / 1e9, r.state().name(), angleTrueDeg, r.angleMeasDeg(), applied.duty(),
                applied.enabled(), r.invertedS(), r.estop(), r.homeSwitch(),
                r.fault() == null ? null : r.fault().code(), r.event() == null ? null : r.event().text(r.fault()),
                r.heartbeat(), r.limitAngleDeg(), r.limitInvertedS(), profile, inputs(r), boot);
    }

    /** The raw inputs of a tick, or null for a record made without them. */
    public static TraceRow.Inputs inputs(TickRecord r) {
        TickInputs in = r.inputs();
        if (in == null) {
            return null;
        }
        TiltReading tilt = in.tilt();
        return new TraceRow.Inputs(in.timeNanos(), statusText(tilt.status()), tilt.angleDeg(), tilt.gravityG(),
                in.panel().buttonsMask(), r.estopReported(), r.faultReported() == null ? null : r.faultReported().code(),
                r.estopCutInTick(), r.restRefused());
    }

    /**
     * What a process start restored, for the first row after it.
     *
     * @param bootNanos     the controller's clock when the process was built
     * @param heartbeatHigh the WATCHDOG line's level before the first tick
     */
    public static TraceRow.Boot boot(TableProcess process, Config config, long bootNanos, boolean heartbeatHigh) {
        SessionKeeper.Restore r = process.restored();
        return new TraceRow.Boot(bootNanos, r.invertedS(), r.active(), r.budgetSpent(), r.problem(), r.returnRan(),
                r.noJournal(), process.loop().controller().presetDeg(), heartbeatHigh, configValues(config));
    }

    /** Every key as files spell it, with its value in force, in declaration order. */
    public static Map<String, String> configValues(Config config) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<ConfigKey, String> e : config.all().entrySet()) {
            values.put(e.getKey().key(), e.getValue());
        }
        for (ProfileSpec p : config.profiles()) {
            p.values().forEach((k, v) -> values.put(ProfileTableBuilder.PREFIX + p.name() + "." + k.key(), v));
        }
        return values;
    }

    /** {@code fresh}, {@code no_new_sample}, {@code bus_error}. */
    public static String statusText(TiltReading.Status status) {
        return STATUS_TEXTS[status.ordinal()];
    }

    private static String[] statusTexts() {
        TiltReading.Status[] all = TiltReading.Status.values();
        String[] texts = new String[all.length];
        for (TiltReading.Status s : all) {
            texts[s.ordinal()] = s.name().toLowerCase(Locale.ROOT);
        }
        return texts;
    }

    /** The status a trace names, or null when it names none. */
    public static TiltReading.Status status(String text) {
        for (TiltReading.Status s : TiltReading.Status.values()) {
            if (statusText(s).equals(text)) {
                return s;
            }
        }
        return null;
    }
}

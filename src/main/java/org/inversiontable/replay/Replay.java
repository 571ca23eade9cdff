package org.inversiontable.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.config.ProfileTableBuilder;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.json.FlatJsonObject;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.time.ManualClock;
import org.inversiontable.trace.TraceReader;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceRows;
import org.inversiontable.trace.TraceWriter;

/**
 * {@code replay TRACE.jsonl} (SPEC §8): runs the controller again on the inputs a trace recorded
 * and compares its outputs with the recorded ones, tick by tick, at the trace's written precision.
 * A fix can be checked against the run that showed the bug (AdvantageKit's replay, STYLE).
 *
 * <pre>{@code
 * int exit = new Replay().run(Path.of("run.jsonl"), System.out, System.err);
 * // 0: "replay: N ticks, outputs equal"; 1: the first tick that differs; 2: bad input
 * }</pre>
 *
 * <p>At each row with boot fields (a process start, a power-cycle or the end of a power-off in a
 * scenario, after which t_ns jumps by the cut) it builds the
 * controller as a process start does: {@link ControllerAssembly#build} with the recorded
 * configuration, then the recorded preset and session handed over as {@code TableProcess} hands
 * over the journal's. Before each tick the replay ports show the recorded sensor reading and
 * panel, and the off-thread reports the recorded tick took are re-injected through the same
 * paths they took (the gate's e-stop event, the supervisor's trouble reports).
 */
public final class Replay {
    /** The controller's outputs; the true angle and the raw inputs are not outputs and are not compared. */
    static final List<String> OUTPUT_FIELDS = List.of("state", "angle_meas_deg", "duty", "enabled", "inverted_s",
            "fault", "event", "heartbeat", "limit_angle_deg", "limit_inverted_s", "profile");
    /**
     * Events of the session keeper's file I/O (and a runtime writer's backlog): they depend on the
     * disk, not on the inputs, so replay cannot produce them. A recorded one is accepted where the
     * replayed row has no event (the keeper only ever fills a row that has none). The keeper's
     * {@code level_changed} is one too: the progression lives in the journal; replay sees its
     * effect in the next row's limits.
     */
    static final Set<String> FILE_EVENTS = Set.of(TableEvent.JOURNAL_ERROR.text(), TableEvent.JOURNAL_CORRUPT.text(),
            "writer_behind", TableEvent.LEVEL_CHANGED.text());

    /** @return 0 when every tick's outputs are equal, 1 at the first that differs, 2 on bad input */
    public int run(Path trace, PrintStream out, PrintStream err) {
        try (BufferedReader reader = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            return replay(trace, reader, out, err);
        } catch (NoSuchFileException e) {
            err.println("replay: " + trace + ": no such file");
        } catch (AccessDeniedException e) {
            err.println("replay: " + trace + ": permission denied");
        } catch (IOException e) {
            err.println("replay: cannot read " + trace + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
        return 2;
    }

    private int replay(Path trace, BufferedReader reader, PrintStream out, PrintStream err) throws IOException {
        Process process = null;
        long ticks = 0;
        int lineNumber = 0;
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (CharacterCodingException e) {
                err.println(trace + ":" + (lineNumber + 1) + ": not UTF-8 text");
                return 2;
            }
            if (line == null) {
                break;
            }
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String where = trace + ":" + lineNumber + ": ";
            TraceRow recorded;
            Process next;
            try {
                recorded = TraceReader.parseLine(line);
                next = recorded.boot() != null ? Process.start(recorded.boot(), recorded) : process;
                if (recorded.inputs() == null) {
                    throw new IllegalArgumentException("the row has no raw inputs (t_ns, tilt_status, ...): a trace "
                            + "written before they were recorded cannot be replayed");
                }
                if (next == null) {
                    throw new IllegalArgumentException("no process start before this tick (boot_t_ns on an earlier "
                            + "row): replay starts at a process start; a flight recorder file that continues "
                            + "another must be replayed after it (cat both into one file)");
                }
            } catch (IllegalArgumentException e) {
                err.println(where + e.getMessage());
                return 2;
            }
            process = next;
            TraceRow replayed;
            try {
                replayed = process.tick(recorded);
            } catch (IllegalArgumentException e) {
                err.println(where + e.getMessage());
                return 2;
            }
            ticks++;
            String difference = firstDifference(recorded, replayed);
            if (difference != null) {
                err.println(where + "the replayed outputs differ at t_s = " + json(recorded, "t_s") + " (t_ns = "
                        + recorded.inputs().tNs() + "): " + difference);
                out.println("replay: " + trace + ": outputs differ at tick " + ticks);
                return 1;
            }
        }
        if (ticks == 0) {
            err.println(trace + ": no ticks to replay (an empty trace)");
            return 2;
        }
        out.println("replay: " + ticks + " ticks, outputs equal");
        return 0;
    }

    /** Null when the outputs are equal at the trace's precision, else "field: recorded X, replayed Y". */
    static String firstDifference(TraceRow recorded, TraceRow replayed) {
        Map<String, Object> a = FlatJsonObject.parse(TraceWriter.line(recorded));
        Map<String, Object> b = FlatJsonObject.parse(TraceWriter.line(replayed));
        for (String field : OUTPUT_FIELDS) {
            Object was = a.get(field);
            Object now = b.get(field);
            if (field.equals("event") && now == null && was instanceof String text && FILE_EVENTS.contains(text)) {
                continue;
            }
            if (!Objects.equals(was, now)) {
                return field + ": recorded " + json(recorded, field) + ", replayed " + json(replayed, field);
            }
        }
        return null;
    }

    /** A field's text as the trace writes it. */
    private static String json(TraceRow row, String field) {
        String line = TraceWriter.line(row);
        String key = "\"" + field + "\":";
        int start = line.indexOf(key) + key.length();
        int end = start;
        boolean inString = false;
        while (end < line.length()) {
            char c = line.charAt(end);
            if (c == '\\' && inString) {
                end += 2;
                continue;
            }
            if (c == '"') {
                inString = !inString;
            } else if (!inString && (c == ',' || c == '}')) {
                break;
            }
            end++;
        }
        return line.substring(start, end);
    }

    /** One replayed process: the controller a start built, its clock and its ports. */
    private static final class Process {
        private final ControlLoop loop;
        private final ManualClock clock;
        private final ReplayPorts ports;

        private final ReplayedLimits limits;

        private Process(ControlLoop loop, ManualClock clock, ReplayPorts ports, ReplayedLimits limits) {
            this.loop = loop;
            this.clock = clock;
            this.ports = ports;
            this.limits = limits;
        }

        /**
         * What {@code ControllerAssembly.start} and {@code TableProcess}'s constructor do, with the
         * journal's and the preset store's answers taken from the trace instead of the disk.
         */
        static Process start(TraceRow.Boot boot, TraceRow first) {
            Config config = config(boot.config());
            ManualClock clock = new ManualClock(boot.tNs());
            ReplayPorts ports = new ReplayPorts(boot.heartbeat());
            ControlLoop loop = ControllerAssembly.build(config, ports.hardware(), clock);
            ReplayedLimits limits = new ReplayedLimits(config, loop);
            // As TableProcess does: the profile's limits before the journaled session is handed over.
            limits.follow(first);
            // A stored preset was restored (clamped); when none was, the controller's own is the
            // recorded one and restoring it again would change nothing.
            if (Double.compare(loop.controller().presetDeg(), boot.presetDeg()) != 0) {
                loop.controller().restorePreset(boot.presetDeg());
            }
            loop.supervisor().restoreSession(boot.budgetSpent() ? config.number(ConfigKey.MAX_INVERTED_S)
                    : boot.invertedS(), boot.sessionActive(), boot.returnRan(), boot.noJournal());
            return new Process(loop, clock, ports, limits);
        }

        private static Config config(Map<String, String> values) {
            Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
            ProfileTableBuilder profiles = new ProfileTableBuilder();
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (ProfileTableBuilder.isProfileSetting(e.getKey())) {
                    profiles.add(e.getKey(), e.getValue(), 0).ifPresent(problem -> {
                        throw new IllegalArgumentException(TraceWriter.CONFIG_PREFIX + e.getKey() + ": " + problem);
                    });
                    continue;
                }
                ConfigKey key = ConfigKey.byKey(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                        TraceWriter.CONFIG_PREFIX + e.getKey() + ": not a configuration key this version knows"));
                overrides.put(key, e.getValue());
            }
            try {
                return Config.defaults().with(overrides).withProfiles(profiles.build());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(TraceWriter.CONFIG_PREFIX + e.getMessage(), e);
            }
        }

        /** Runs the recorded tick again on its inputs; returns the replayed row. */
        TraceRow tick(TraceRow recorded) {
            TraceRow.Inputs in = recorded.inputs();
            TiltReading.Status status = TraceRows.status(in.tiltStatus());
            if (status == null) {
                throw new IllegalArgumentException("tilt_status \"" + in.tiltStatus()
                        + "\" is not one of fresh, no_new_sample, bus_error");
            }
            FaultCode reported = null;
            if (in.reportFault() != null) {
                reported = faultCode(in.reportFault());
            }
            if (in.tNs() < clock.nanoTime()) {
                throw new IllegalArgumentException("t_ns " + in.tNs() + " is before the previous tick or the process "
                        + "start (" + clock.nanoTime() + "): the controller's clock never goes back");
            }
            ports.show(new TiltReading(status, in.tiltAngleDeg(), in.tiltGravityG()),
                    new PanelReading(recorded.estop(), recorded.homeSwitch(), in.buttons()));
            // Off-thread reports arrive between ticks, through the paths they took in the recorded run.
            if (in.reportEstop()) {
                loop.gate().onEstopEvent();
            }
            if (reported != null) {
                loop.supervisor().trouble().report(reported, "replayed from the trace");
            }
            if (in.estopCutInTick()) {
                // The recorded e-stop event came after the reports were taken, before the write:
                // cut there. The next row's report_estop repeats it, which changes nothing.
                ports.bridge().beforeNextApply(loop.gate()::onEstopEvent);
            }
            limits.follow(recorded);
            loop.supervisor().refuseSessionStart(in.restRefused());
            clock.setNanos(in.tNs());
            TickRecord record = loop.tick();
            if (record.event() == TableEvent.PROFILE_SELECTED && !limits.selectionGranted(recorded)) {
                // TableProcess grants the selection only with profiles and no session open.
                record = record.withEvent(null);
            }
            // The true angle is the simulation's, not an output: copied so that the rows compare.
            // The profile in force is not in the controller's record yet: a replayed row has none,
            // and a trace that names one differs until the controller reports it.
            return TraceRows.row(record, recorded.angleTrueDeg(), record.profile(), null);
        }

        private static FaultCode faultCode(String code) {
            for (FaultCode f : FaultCode.values()) {
                if (f.code().equals(code)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("report_fault \"" + code + "\" is not a fault code");
        }
    }
}

package org.inversiontable.simulator.ui;

import java.util.Locale;
import java.util.function.Consumer;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.simulator.InjectableFault;
import org.inversiontable.simulator.SimulatorControls;

/**
 * The terminal face when stdin is not a terminal (piped, a file): one command a line, in the
 * scenario file's words (SPEC §9), acted on at once. A bad line is answered, never fatal.
 *
 * <pre>
 * down 2            hold DOWN 2 s, then release (up, home, preset, stop likewise; no number: a click)
 * stop hold         hold STOP 2 s (reset)      preset hold: hold PRESET 3 s (store)
 * estop press       estop release              estop: toggle
 * fault imu stale   fault motor stall          fault home-switch stuck-open   (as in scenarios)
 * clear imu         clear motor                clear home-switch
 * weight 80         wait 5                     status      release      quit
 * </pre>
 *
 * {@link #execute} returns the seconds the reader should wait before the next line (a hold's
 * length, or {@code wait}), so that a piped script runs in order; end of input quits.
 */
final class LineCommands {
    static final String HELP = """
            commands: up|down|home|preset|stop [SECONDS]   stop hold   preset hold   release
                      estop [press|release]   fault imu stale|disconnect|stuck|noise|spike
                      fault motor stall|reversed|runaway   fault home-switch stuck-open|stuck-closed
                      clear imu|motor|home-switch   weight KG   wait SECONDS   status   help   quit
            """;

    private final SimulatorControls controls;
    private final TerminalKeys keys;
    private final Consumer<String> out;
    private final Runnable onQuit;

    LineCommands(SimulatorControls controls, TerminalKeys keys, Consumer<String> out, Runnable onQuit) {
        this.controls = controls;
        this.keys = keys;
        this.out = out;
        this.onQuit = onQuit;
    }

    /** Acts on one line; returns the seconds to wait before the next one (0 for most). */
    double execute(String line) {
        String[] w = line.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (w[0].isEmpty() || w[0].startsWith("#")) {
            return 0;
        }
        try {
            return run(w);
        } catch (NumberFormatException e) {
            out.accept("not a number in '" + line.strip() + "'; " + HELP.lines().findFirst().orElse(""));
        } catch (IllegalArgumentException e) {
            out.accept("refused: " + e.getMessage());
        }
        return 0;
    }

    private double run(String[] w) {
        switch (w[0]) {
            case "up", "down", "home", "preset", "stop" -> {
                Button b = Button.valueOf(w[0].toUpperCase(Locale.ROOT));
                boolean hold = w.length > 1 && w[1].equals("hold");
                double s = hold ? (b == Button.STOP ? TerminalKeys.STOP_HOLD_NANOS : TerminalKeys.PRESET_HOLD_NANOS) / 1e9
                        : w.length > 1 ? seconds(w[1]) : TerminalKeys.CLICK_NANOS / 1e9;
                keys.holdFor(b, (long) (s * 1e9));
                return s;
            }
            case "reset" -> {
                keys.holdFor(Button.STOP, TerminalKeys.STOP_HOLD_NANOS);
                return TerminalKeys.STOP_HOLD_NANOS / 1e9;
            }
            case "release" -> keys.releaseAll();
            case "estop", "e-stop" -> keys.setEstop(w.length > 1 ? w[1].equals("press")
                    : !controls.status().estopPressed());
            case "fault" -> inject(w);
            case "clear" -> controls.clear(group(w.length > 1 ? w[1] : ""));
            case "weight", "user_kg", "kg" -> controls.setUserKg(Double.parseDouble(need(w, 1)));
            case "wait", "sleep" -> {
                return seconds(need(w, 1));
            }
            case "status" -> out.accept(StatusLine.format(controls.status(), keys.holdText(), Integer.MAX_VALUE));
            case "help", "?" -> out.accept(HELP);
            case "quit", "exit", "q" -> {
                keys.releaseAll();
                onQuit.run();
            }
            default -> out.accept("unknown command '" + String.join(" ", w) + "'\n" + HELP);
        }
        return 0;
    }

    private void inject(String[] w) {
        String what = need(w, 1) + " " + need(w, 2);
        InjectableFault f = switch (what) {
            case "imu stale" -> InjectableFault.IMU_STALE;
            case "imu disconnect" -> InjectableFault.IMU_DISCONNECT;
            case "imu stuck" -> InjectableFault.IMU_STUCK;
            case "imu noise" -> InjectableFault.IMU_NOISE;
            case "imu spike" -> InjectableFault.IMU_SPIKE;
            case "motor stall" -> InjectableFault.MOTOR_STALL;
            case "motor reversed" -> InjectableFault.MOTOR_REVERSED;
            case "motor runaway" -> InjectableFault.MOTOR_RUNAWAY;
            case "home-switch stuck-open" -> InjectableFault.HOME_SWITCH_STUCK_OPEN;
            case "home-switch stuck-closed" -> InjectableFault.HOME_SWITCH_STUCK_CLOSED;
            default -> throw new IllegalArgumentException("no fault '" + what + "'; " + HELP.lines().skip(1)
                    .findFirst().orElse("").strip());
        };
        controls.inject(f);
        out.accept("injected: " + f.label());
    }

    static FaultGroup group(String word) {
        return switch (word) {
            case "imu" -> FaultGroup.IMU;
            case "motor" -> FaultGroup.MOTOR;
            case "home-switch" -> FaultGroup.HOME_SWITCH;
            default -> throw new IllegalArgumentException("clear what? imu, motor or home-switch, not '" + word + "'");
        };
    }

    private static String need(String[] w, int i) {
        if (w.length <= i) {
            throw new IllegalArgumentException("'" + String.join(" ", w) + "' is missing a word; type help");
        }
        return w[i];
    }

    /** A hold's length: positive and at most a minute, so that a typo cannot hold DOWN for hours. */
    private static double seconds(String word) {
        double s = Double.parseDouble(word);
        if (!(s > 0 && s <= 60)) {
            throw new IllegalArgumentException("seconds must be in (0, 60], not " + word);
        }
        return s;
    }
}

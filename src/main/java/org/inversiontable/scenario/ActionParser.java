package org.inversiontable.scenario;

import java.util.List;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.sim.HomeSwitchFault;
import org.inversiontable.sim.ImuFault;
import org.inversiontable.sim.MotorFault;

/** Reads the action of an {@code at T ACTION} statement (SPEC §9). */
final class ActionParser {
    /** A click is a press and a release this long after it (SPEC §9). */
    static final long CLICK_NANOS = 100_000_000L;

    private static final String ACTIONS = "press, release, click, estop, fault, clear, power-cycle, power-off";
    private static final List<String> BUTTONS = Tokens.upperNames(Button.class);
    private static final List<String> IMU_FAULTS = Tokens.words(ImuFault.class);
    private static final List<String> MOTOR_FAULTS = Tokens.words(MotorFault.class);
    private static final List<String> HOME_SWITCH_FAULTS = Tokens.words(HomeSwitchFault.class);
    private static final List<String> GROUPS = Tokens.words(FaultGroup.class);

    private ActionParser() {
    }

    /** The actions of one statement, in order: one, or two for a click. */
    static List<TimedAction> parse(long atNanos, int line, List<String> words) throws LineProblem {
        String verb = words.get(0);
        return switch (verb) {
            case "press", "release" -> {
                Button button = button(words, verb);
                yield List.of(new TimedAction(atNanos, line, new ButtonAction(button, verb.equals("press"))));
            }
            case "click" -> {
                Button button = button(words, verb);
                yield List.of(new TimedAction(atNanos, line, new ButtonAction(button, true)),
                        new TimedAction(atNanos + CLICK_NANOS, line, new ButtonAction(button, false)));
            }
            case "power-cycle" -> {
                Tokens.expectEnd(words, 1, "power-cycle");
                yield List.of(new TimedAction(atNanos, line, new PowerCycleAction()));
            }
            case "power-off" -> {
                need(words, 2, "power-off DURATION with a unit, e.g. power-off 2d (units: " + PowerOffDuration.UNITS + ")");
                long nanos = PowerOffDuration.nanos(words.get(1), words.size() > 2 ? words.get(2) : null);
                Tokens.expectEnd(words, 2, "power-off " + words.get(1));
                yield List.of(new TimedAction(atNanos, line, new PowerOffAction(nanos, words.get(1))));
            }
            default -> List.of(new TimedAction(atNanos, line, other(verb, words)));
        };
    }

    private static Action other(String verb, List<String> words) throws LineProblem {
        return switch (verb) {
            case "estop" -> estop(words);
            case "fault" -> fault(words);
            case "clear" -> {
                need(words, 2, "clear imu|motor|home-switch");
                FaultGroup group = Tokens.name(words.get(1), "fault group", FaultGroup.class, GROUPS);
                Tokens.expectEnd(words, 2, "clear " + words.get(1));
                yield new ClearAction(group);
            }
            default -> throw new LineProblem("unknown action '" + verb + "'; allowed: " + ACTIONS);
        };
    }

    private static Button button(List<String> words, String verb) throws LineProblem {
        need(words, 2, verb + " BUTTON (" + String.join(", ", BUTTONS) + ")");
        Button button = Tokens.name(words.get(1), "button", Button.class, BUTTONS);
        Tokens.expectEnd(words, 2, verb + " " + button);
        return button;
    }

    private static Action estop(List<String> words) throws LineProblem {
        need(words, 2, "estop press|release");
        String what = words.get(1);
        if (!what.equals("press") && !what.equals("release")) {
            throw new LineProblem("unknown estop action '" + what + "'; allowed: press, release");
        }
        Tokens.expectEnd(words, 2, "estop " + what);
        return new EstopAction(what.equals("press"));
    }

    private static Action fault(List<String> words) throws LineProblem {
        need(words, 3, "fault imu KIND | fault motor KIND | fault home-switch KIND");
        String device = words.get(1);
        String kind = words.get(2);
        return switch (device) {
            case "imu" -> imuFault(words, Tokens.name(kind, "imu fault", ImuFault.class, IMU_FAULTS));
            case "motor" -> {
                MotorFault fault = Tokens.name(kind, "motor fault", MotorFault.class, MOTOR_FAULTS);
                Tokens.expectEnd(words, 3, "fault motor " + kind);
                yield new MotorFaultAction(fault);
            }
            case "home-switch" -> {
                HomeSwitchFault fault = Tokens.name(kind, "home-switch fault", HomeSwitchFault.class,
                        HOME_SWITCH_FAULTS);
                Tokens.expectEnd(words, 3, "fault home-switch " + kind);
                yield new HomeSwitchFaultAction(fault);
            }
            default -> throw new LineProblem("unknown fault device '" + device + "'; allowed: imu, motor, home-switch");
        };
    }

    private static Action imuFault(List<String> words, ImuFault kind) throws LineProblem {
        return switch (kind) {
            case NOISE -> {
                if (words.size() < 4) {
                    throw new LineProblem("'fault imu noise' needs the noise sigma in degrees, e.g. fault imu noise 0.5");
                }
                double sigmaDeg = Tokens.number(words.get(3), "noise sigma (deg)");
                if (sigmaDeg <= 0 || sigmaDeg > 90) {
                    throw new LineProblem("noise sigma " + words.get(3) + " is out of range; allowed: more than 0, up to 90 deg");
                }
                Tokens.expectEnd(words, 4, "fault imu noise " + words.get(3));
                yield new ImuFaultAction(kind, sigmaDeg);
            }
            case SPIKE -> {
                if (words.size() < 4) {
                    throw new LineProblem("'fault imu spike' needs the offset in degrees, e.g. fault imu spike 15");
                }
                double offsetDeg = Tokens.number(words.get(3), "spike offset (deg)");
                if (offsetDeg == 0 || Math.abs(offsetDeg) > 360) {
                    throw new LineProblem("spike offset " + words.get(3) + " is out of range; allowed: -360 to 360 deg, not 0");
                }
                Tokens.expectEnd(words, 4, "fault imu spike " + words.get(3));
                yield new ImuFaultAction(kind, offsetDeg);
            }
            default -> {
                Tokens.expectEnd(words, 3, "fault imu " + ScenarioWords.word(kind));
                yield ImuFaultAction.of(kind);
            }
        };
    }

    private static void need(List<String> words, int count, String form) throws LineProblem {
        if (words.size() < count) {
            throw new LineProblem("'" + String.join(" ", words) + "' is incomplete; expected " + form);
        }
    }
}

package org.inversiontable.safety.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault kind of SPEC §9 injected at every phase of a session (issue 4, "done means"): the
 * motor ends disabled within the SPEC §6 detection time, the TRUE angle stays inside the envelope
 * (max_angle + 1 deg), the inverted time inside its budget, and nothing moves again without a new
 * press. Prints a table of the detection latencies measured.
 *
 * <p>What must happen is defined per fault and phase from the SPEC:
 * <ul>
 *   <li>IMU stale / disconnect: {@code imu_stale} 100 ms after the last accepted sample.</li>
 *   <li>Three spikes 10 ms apart: three bad samples in a row, {@code imu_jump} on the third.
 *       One spike alone is rejected (the tick has no angle, not the last good one) and harmless.</li>
 *   <li>Noise of 5 deg: bad samples; SPEC §6 gives no time, this test allows 1 s.</li>
 *   <li>IMU stuck, motor stall, motor reversed: visible only while the drive runs, so at rest
 *       they are harmless until the user presses UP; then a motion fault, stall within 1 s of a
 *       significant command, wrong direction within 0.5 s of the wrong motion.</li>
 *   <li>HOME switch stuck open (at home while inverted): {@code home_switch_disagree} after 0.5 s.
 *       Stuck closed is invisible while the angle agrees within the detector's band; the table must
 *       still stop at home by the angle, never driving into the end stop.</li>
 *   <li>During limp home (after a motion stall, cleared, UP pressed again) the first fault stays
 *       latched; an IMU fault turns limp home open-loop up to the HOME switch; a stuck-open switch
 *       stops it at once; a reversed motor may not take the table more than 1 deg deeper.</li>
 * </ul>
 */
class FaultMatrixTest {
    private static final double TICK_S = 0.01;
    private static final double MAX_ANGLE_DEG = 30.0;
    private static final double HOME_DEG = -65.0;
    private static final double SIGNIFICANT_DUTY = 0.3;
    private static final List<String> LATENCIES = Collections.synchronizedList(new ArrayList<>());
    private static double autoReturnStartS = Double.NaN;

    enum Phase {
        REST_INVERTED, MOVING_DOWN, MOVING_UP, AUTO_RETURN, LIMP_HOME;

        double maxInvertedS() {
            return this == AUTO_RETURN ? 60 : 180;
        }
    }

    enum Fault {
        IMU_STALE("imu stale"),
        IMU_DISCONNECT("imu disconnect"),
        IMU_STUCK("imu stuck"),
        IMU_NOISE_5("imu noise 5"),
        IMU_SPIKE_40_SINGLE("imu spike 40"),
        IMU_SPIKE_40_THREE_IN_A_ROW("imu spike 40"),
        MOTOR_STALL("motor stall"),
        MOTOR_REVERSED("motor reversed"),
        HOME_SWITCH_STUCK_OPEN("home-switch stuck-open"),
        HOME_SWITCH_STUCK_CLOSED("home-switch stuck-closed");

        final String statement;

        Fault(String statement) {
            this.statement = statement;
        }

        boolean imu() {
            return name().startsWith("IMU");
        }

        boolean latentAtRest() {
            return this == IMU_STUCK || this == MOTOR_STALL || this == MOTOR_REVERSED;
        }
    }

    /** How latency is measured: from the injection, from a significant drive, or from the wrong motion. */
    enum Reference { INJECTION, SIGNIFICANT_DRIVE, WRONG_MOTION }

    /** What must happen: a detection (codes, bound), harmless, or one of limp home's outcomes. */
    enum Outcome { DETECT, HARMLESS, LIMP_STOPS_AT_ONCE, LIMP_GOES_ON_TO_HOME, LIMP_NEVER_DEEPER }

    record Expect(Outcome outcome, Set<String> codes, double boundS, Reference reference) {
        static Expect detect(double boundS, Reference ref, String... codes) {
            return new Expect(Outcome.DETECT, Set.of(codes), boundS, ref);
        }

        static Expect of(Outcome outcome) {
            return new Expect(outcome, Set.of(), Double.NaN, Reference.INJECTION);
        }
    }

    static Stream<Arguments> everyFaultAtEveryPhase() {
        List<Arguments> all = new ArrayList<>();
        for (Fault f : Fault.values()) {
            for (Phase p : Phase.values()) {
                all.add(Arguments.of(f, p));
            }
        }
        return all.stream();
    }

    static Expect expect(Fault fault, Phase phase) {
        if (phase == Phase.LIMP_HOME) {
            return switch (fault) {
                case HOME_SWITCH_STUCK_OPEN -> Expect.of(Outcome.LIMP_STOPS_AT_ONCE);
                case IMU_STALE, IMU_DISCONNECT, IMU_NOISE_5, IMU_SPIKE_40_SINGLE, IMU_SPIKE_40_THREE_IN_A_ROW,
                     HOME_SWITCH_STUCK_CLOSED -> Expect.of(Outcome.LIMP_GOES_ON_TO_HOME);
                case IMU_STUCK, MOTOR_STALL, MOTOR_REVERSED -> Expect.of(Outcome.LIMP_NEVER_DEEPER);
            };
        }
        return switch (fault) {
            case IMU_STALE, IMU_DISCONNECT -> Expect.detect(0.100 + 2 * TICK_S, Reference.INJECTION, "imu_stale");
            case IMU_SPIKE_40_THREE_IN_A_ROW -> Expect.detect(0.020 + 2 * TICK_S, Reference.INJECTION, "imu_jump");
            // The fused angle filters 5 deg of accelerometer noise down to a fraction of a degree;
            // the gyro-accelerometer cross-check is what finds such a sensor (imu_disagree).
            case IMU_NOISE_5 -> Expect.detect(1.0, Reference.INJECTION,
                    "imu_jump", "imu_out_of_range", "imu_stale", "imu_gravity", "imu_disagree");
            case IMU_SPIKE_40_SINGLE, HOME_SWITCH_STUCK_CLOSED -> Expect.of(Outcome.HARMLESS);
            // A frozen reading is found in a few ticks of drive (imu_frozen), well inside the
            // stall detector's second.
            case IMU_STUCK -> Expect.detect(0.1 + 2 * TICK_S, Reference.SIGNIFICANT_DRIVE, "imu_frozen");
            case MOTOR_STALL -> Expect.detect(1.0 + 2 * TICK_S, Reference.SIGNIFICANT_DRIVE,
                    "motion_stall", "motion_wrong_direction");
            // Judged from the first significant drive: a move from rest now starts within the
            // acceleration limit on the true angle (SPEC §5, issue 13), so a reversed drive first
            // creeps the wrong way below the duty at which the detector may judge (SPEC §6).
            case MOTOR_REVERSED -> Expect.detect(0.5 + 2 * TICK_S, Reference.SIGNIFICANT_DRIVE,
                    "motion_wrong_direction");
            case HOME_SWITCH_STUCK_OPEN -> Expect.detect(0.5 + 2 * TICK_S, Reference.INJECTION,
                    "home_switch_disagree");
        };
    }

    /** The session up to the phase; returns the time of the injection. */
    static double buildPhase(Scenarios s, Phase phase) {
        s.at(1, "press DOWN");
        switch (phase) {
            case REST_INVERTED -> {
                s.at(25, "release DOWN");
                return 30;
            }
            case MOVING_DOWN -> {
                return 18;      // about 14 deg, going down at 5 deg/s; DOWN stays held
            }
            case MOVING_UP -> {
                s.at(25, "release DOWN").at(30, "press UP");
                return 34;      // about 26 deg, coming up at 3 deg/s; UP stays held
            }
            case AUTO_RETURN -> {
                s.config("max_inverted_s=60").at(25, "release DOWN");
                return autoReturnStartS() + 2;
            }
            case LIMP_HOME -> {
                // A motion stall while coming up, cleared; the user presses UP again: limp home.
                s.at(25, "release DOWN").at(30, "press UP").at(32, "fault motor stall")
                        .at(34, "clear motor").at(34, "release UP").at(35, "press UP");
                return 40;
            }
        }
        throw new IllegalStateException();
    }

    static synchronized double autoReturnStartS() {
        if (Double.isNaN(autoReturnStartS)) {
            ScenarioHarness.Run run = new Scenarios().config("max_inverted_s=60")
                    .at(1, "press DOWN").at(25, "release DOWN").runTo(90).run();
            autoReturnStartS = run.firstEvent("auto_return").tS();
        }
        return autoReturnStartS;
    }

    @ParameterizedTest(name = "{0} while {1}")
    @MethodSource("everyFaultAtEveryPhase")
    void faultEndsWithTheMotorOffTheAngleInsideTheEnvelopeAndTheBudgetKept(Fault fault, Phase phase) {
        Scenarios s = new Scenarios();
        double injectS = buildPhase(s, phase);
        Expect expect = expect(fault, phase);
        double firstInjectionS = inject(s, fault, injectS);
        double pressAfterS = Double.NaN;
        if (phase == Phase.REST_INVERTED && fault.latentAtRest()) {
            // Invisible at rest: the user presses UP a little later and the drive reveals it.
            pressAfterS = injectS + 3;
            s.at(pressAfterS, "press UP");
        }
        boolean homeward = fault == Fault.HOME_SWITCH_STUCK_CLOSED || phase == Phase.LIMP_HOME;
        if (fault == Fault.HOME_SWITCH_STUCK_CLOSED) {
            if (phase == Phase.REST_INVERTED) {
                s.at(injectS + 2, "click HOME");
            } else if (phase == Phase.MOVING_DOWN) {
                // The release starts a controlled stop (about 5 deg from 5 deg/s); HOME once it has ended.
                s.at(injectS + 2, "release DOWN").at(injectS + 6, "click HOME");
            }
        }
        // Limp home runs at 1.5 deg/s (SPEC §6): from about 26 deg to home is 61 s; give it 100.
        double endS = injectS + (phase == Phase.LIMP_HOME ? 100 : homeward ? 80 : 20);
        if (phase == Phase.LIMP_HOME) {
            s.at(endS - 2, "release UP");
        }
        ScenarioHarness.Run run = s.runTo(endS).run();
        String where = fault + " while " + phase + " (injected at " + firstInjectionS + " s)";

        // The envelope on the TRUE angle, in every case (SPEC §3).
        double maxTrue = run.maxTrueAngleDeg();
        assertTrue(maxTrue <= MAX_ANGLE_DEG + 1.0, where + ": true angle reached " + maxTrue + " deg");

        switch (expect.outcome()) {
            case DETECT -> checkDetected(run, fault, phase, expect, firstInjectionS, pressAfterS, where);
            case HARMLESS -> checkHarmless(run, fault, phase, firstInjectionS, where);
            case LIMP_STOPS_AT_ONCE -> checkLimpStops(run, firstInjectionS, where);
            case LIMP_GOES_ON_TO_HOME -> checkLimpGoesHome(run, firstInjectionS, endS, where);
            case LIMP_NEVER_DEEPER -> checkLimpNeverDeeper(run, firstInjectionS, endS, where);
        }
    }

    private static double inject(Scenarios s, Fault fault, double tS) {
        switch (fault) {
            case IMU_SPIKE_40_SINGLE -> {
                // A spike offsets the next single IMU sample (200 Hz); the loop reads every other
                // one at 100 Hz, so inject 7 ms after a tick: the offset sample is the one read.
                s.at(tS + 0.007, "fault " + fault.statement);
                return tS + 0.007;
            }
            case IMU_SPIKE_40_THREE_IN_A_ROW -> {
                s.at(tS + 0.007, "fault " + fault.statement)
                        .at(tS + 0.017, "fault " + fault.statement)
                        .at(tS + 0.027, "fault " + fault.statement);
                return tS + 0.007;
            }
            default -> {
                s.at(tS, "fault " + fault.statement);
                return tS;
            }
        }
    }

    private static void checkDetected(ScenarioHarness.Run run, Fault fault, Phase phase, Expect expect,
                                      double injectS, double pressAfterS, String where) {
        double fromS = Double.isNaN(pressAfterS) ? injectS : pressAfterS;
        if (!Double.isNaN(pressAfterS)) {
            checkNoFaultBetween(run, injectS, pressAfterS, where + " (harmless until moved)");
        }
        String existing = run.at(injectS).fault();
        if (phase != Phase.LIMP_HOME) {
            assertEquals(null, existing, where + ": a fault was latched before the injection");
        }
        TraceRow detected = run.first(fromS, r -> r.fault() != null);
        assertNotNull(detected, where + ": no fault latched; expected one of " + expect.codes()
                + Scenarios.around(run, fromS + 1, 1.2));
        assertTrue(expect.codes().contains(detected.fault()), where + ": latched " + detected.fault()
                + ", expected one of " + expect.codes() + Scenarios.around(run, detected.tS(), 0.1));

        double referenceS = referenceS(run, expect.reference(), fromS, detected);
        double latencyS = detected.tS() - referenceS;
        double fromInjectionS = detected.tS() - injectS;
        LATENCIES.add(String.format(Locale.ROOT, "%-28s %-14s %-23s %8.0f %10.0f %8.0f  %s",
                fault, phase, detected.fault(), latencyS * 1000, fromInjectionS * 1000, expect.boundS() * 1000,
                expect.reference()));
        assertTrue(latencyS <= expect.boundS() + 1e-9, String.format(Locale.ROOT,
                "%s: %s latched %.3f s after %s (at %.3f s), allowed %.3f s%s", where, detected.fault(), latencyS,
                expect.reference(), referenceS, expect.boundS(), Scenarios.around(run, detected.tS(), 0.05)));

        // Motor off on the detecting tick, FAULT, and nothing moves again: no new press follows.
        assertFalse(detected.enabled(), where + ": motor still enabled on the detecting tick " + Scenarios.row(detected));
        assertEquals("FAULT", detected.state(), where + ": state on the detecting tick");
        TraceRow moved = run.first(detected.tS(), r -> r.enabled() || !"FAULT".equals(r.state()));
        assertEquals(null, moved, where + ": after the fault, with the buttons held through it and no new press: "
                + (moved == null ? "" : Scenarios.row(moved)));
        double deeperDeg = Scenarios.maxTrueBetween(run, detected.tS(), Scenarios.last(run).tS()) - detected.angleTrueDeg();
        assertTrue(deeperDeg <= 1.0, where + ": the table went " + deeperDeg + " deg deeper after the fault");

        // The budget: kept, except where the SPEC itself stops the return (an untrusted fault
        // during the return leaves the user inverted; limp home is the way up).
        if (phase != Phase.AUTO_RETURN) {
            assertTrue(run.maxInvertedS() <= phase.maxInvertedS(), where + ": inverted " + run.maxInvertedS() + " s");
        }
    }

    private static double referenceS(ScenarioHarness.Run run, Reference reference, double fromS, TraceRow detected) {
        List<TraceRow> rows = run.between(fromS, detected.tS());
        switch (reference) {
            case INJECTION -> {
                return fromS;
            }
            case SIGNIFICANT_DRIVE -> {
                // The start of the run of significant commands that ends at the detection.
                double startS = detected.tS();
                for (int i = rows.size() - 2; i >= 0; i--) {
                    TraceRow r = rows.get(i);
                    if (!r.enabled() || Math.abs(r.duty()) < SIGNIFICANT_DUTY) {
                        break;
                    }
                    startS = r.tS();
                }
                return Math.max(fromS, startS);
            }
            case WRONG_MOTION -> {
                for (int i = 1; i < rows.size(); i++) {
                    TraceRow r = rows.get(i);
                    double moved = r.angleTrueDeg() - rows.get(i - 1).angleTrueDeg();
                    if (r.enabled() && r.duty() != 0 && Math.signum(moved) == -Math.signum(r.duty())
                            && Math.abs(moved) > 1e-6) {
                        return rows.get(i - 1).tS();
                    }
                }
                return fromS;
            }
        }
        throw new IllegalStateException();
    }

    private static void checkNoFaultBetween(ScenarioHarness.Run run, double fromS, double toS, String where) {
        for (TraceRow r : run.between(fromS, toS)) {
            assertEquals(null, r.fault(), where + ": " + Scenarios.row(r));
            assertFalse("FAULT".equals(r.state()), where + ": " + Scenarios.row(r));
        }
    }

    private static void checkHarmless(ScenarioHarness.Run run, Fault fault, Phase phase, double injectS, String where) {
        checkNoFaultBetween(run, injectS, Scenarios.last(run).tS(), where + " must not fault");
        assertTrue(run.maxInvertedS() <= phase.maxInvertedS(), where + ": inverted " + run.maxInvertedS() + " s");
        if (fault == Fault.IMU_SPIKE_40_SINGLE) {
            // Rejected, and never replaced by the last good value: the tick has no angle.
            TraceRow seen = run.at(injectS + 0.003);
            assertTrue(Double.isNaN(seen.angleMeasDeg()), where + ": the spiked sample was not rejected: "
                    + Scenarios.row(seen));
            LATENCIES.add(String.format(Locale.ROOT, "%-28s %-14s %-23s %8s %10s %8s  %s", fault, phase,
                    "(rejected, no fault)", "-", "-", "-", "tick " + seen.tS()));
        }
        if (fault == Fault.HOME_SWITCH_STUCK_CLOSED) {
            // The switch never opens: the table must stop at home by the angle, not at the end stop.
            TraceRow end = Scenarios.last(run);
            double lowest = Scenarios.minTrueBetween(run, injectS, end.tS());
            // Home by the angle is within home + 2 deg (SPEC §3's band); never below home - 1.5.
            assertTrue(end.angleTrueDeg() <= HOME_DEG + 2.5 && lowest >= HOME_DEG - 1.5,
                    where + ": ended at " + end.angleTrueDeg() + " deg, lowest " + lowest + " deg (home " + HOME_DEG + ")");
            assertFalse(end.enabled(), where + ": motor still enabled at home " + Scenarios.row(end));
            LATENCIES.add(String.format(Locale.ROOT, "%-28s %-14s %-23s %8s %10s %8s  %s", fault, phase,
                    "(no fault, stopped by angle)", "-", "-", "-", String.format(Locale.ROOT, "lowest %.2f deg", lowest)));
        }
        if (phase == Phase.AUTO_RETURN) {
            TraceRow flat = run.first(injectS, r -> r.angleTrueDeg() <= 0.0);
            assertNotNull(flat, where + ": the return never brought the table to <= 0 deg");
            assertTrue(flat.invertedS() <= phase.maxInvertedS(), where + ": at <= 0 deg only after " + flat.invertedS() + " s");
        }
    }

    private static void checkLimpStops(ScenarioHarness.Run run, double injectS, String where) {
        assertTrue(run.at(injectS).enabled(), where + ": limp home was not driving at the injection "
                + Scenarios.row(run.at(injectS)));
        TraceRow off = run.first(injectS, r -> !r.enabled());
        double latencyS = off.tS() - injectS;
        LATENCIES.add(String.format(Locale.ROOT, "%-28s %-14s %-23s %8.0f %10.0f %8.0f  %s", "HOME_SWITCH_STUCK_OPEN",
                "LIMP_HOME", "(limp refused)", latencyS * 1000, latencyS * 1000, 2 * TICK_S * 1000, "INJECTION"));
        assertTrue(latencyS <= 2 * TICK_S + 1e-9, where + ": limp home went on " + latencyS + " s after the switch opened"
                + Scenarios.around(run, injectS, 0.05));
        TraceRow moved = run.first(off.tS(), TraceRow::enabled);
        assertEquals(null, moved, where + ": limp home drove again with the switch reading at home: "
                + (moved == null ? "" : Scenarios.row(moved)));
    }

    private static void checkLimpGoesHome(ScenarioHarness.Run run, double injectS, double endS, String where) {
        double atInjection = run.at(injectS).angleTrueDeg();
        double deeper = Scenarios.maxTrueBetween(run, injectS, endS) - atInjection;
        assertTrue(deeper <= 1.0, where + ": went " + deeper + " deg deeper during limp home");
        TraceRow home = run.first(injectS, r -> r.angleTrueDeg() <= HOME_DEG + 2.0);
        TraceRow held = run.at(endS - 2);
        assertNotNull(home, String.format(Locale.ROOT,
                "%s: limp home (UP held %.0f s) did not reach home: from %.2f to %.2f deg, %.2f deg/s (SPEC: 1.5)",
                where, endS - 2 - injectS, atInjection, held.angleTrueDeg(),
                (atInjection - held.angleTrueDeg()) / (endS - 2 - injectS)));
        double lowest = Scenarios.minTrueBetween(run, injectS, endS);
        assertTrue(lowest >= HOME_DEG - 3.0, where + ": limp home went down to " + lowest + " deg (home " + HOME_DEG + ")");
        assertFalse(Scenarios.last(run).enabled(), where + ": motor enabled after UP was released");
        LATENCIES.add(String.format(Locale.ROOT, "%-28s %-14s %-23s %8s %10s %8s  %s", where.split(" ")[0],
                "LIMP_HOME", "(goes on to home)", "-", "-", "-",
                String.format(Locale.ROOT, "home at %.1f s, lowest %.2f deg", home.tS(), lowest)));
    }

    private static void checkLimpNeverDeeper(ScenarioHarness.Run run, double injectS, double endS, String where) {
        assertTrue(run.at(injectS).enabled(), where + ": limp home was not driving at the injection "
                + Scenarios.row(run.at(injectS)));
        double atInjection = run.at(injectS).angleTrueDeg();
        double deeper = Scenarios.maxTrueBetween(run, injectS, endS) - atInjection;
        LATENCIES.add(String.format(Locale.ROOT, "%-28s %-14s %-23s %8s %10s %8s  %s", where.split(" ")[0],
                "LIMP_HOME", "(never deeper)", "-", "-", "-", String.format(Locale.ROOT, "deeper by %.2f deg", deeper)));
        assertTrue(deeper <= 1.0, where + ": limp home took the table " + deeper + " deg deeper"
                + Scenarios.around(run, injectS + 1, 1.0));
        assertFalse(Scenarios.last(run).enabled(), where + ": motor enabled after UP was released");
    }

    @AfterAll
    static void printLatencies() {
        List<String> sorted = new ArrayList<>(LATENCIES);
        Collections.sort(sorted);
        System.out.println();
        System.out.println("Detection latencies (ms; 'latency' from the reference, 'from inj.' from the injection)");
        System.out.printf(Locale.ROOT, "%-28s %-14s %-23s %8s %10s %8s  %s%n",
                "fault", "phase", "code", "latency", "from inj.", "bound", "reference");
        sorted.forEach(System.out::println);
    }
}

package org.inversiontable.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.ImuCalibration.Axes;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.PinMap.ImuMounting;

/**
 * The guided calibration (SPEC §8 {@code calibrate}) as a state machine, one {@link #tick} per
 * 10 ms on an injected time, so that every transition is tested in simulated time.
 *
 * <pre>{@code
 * CalibrationProcedure p = new CalibrationProcedure(rig, pins.imu(), CalibrationPlan.forHome(homeDeg), keeper, out::println);
 * while (!p.tick(clock.nanoTime()).finished()) { waitForTheNextTick(); }
 * p.refusal().ifPresent(r -> ...);   // why it stopped without storing
 * }</pre>
 *
 * <p>Steps (each announced on the console and by the buzzer, {@link BeepCode}): 1. the table on
 * its HOME end stop, STOP pressed, 2 s of samples at rest; 2. DOWN held brings the bed toward level
 * and stops by itself short of it, the builder levels it with a spirit level (UP/DOWN) and presses
 * STOP, 2 s of samples at rest, and the fit; 3. DOWN held for a short move toward inversion in
 * which the corrected angle must grow as the gyro says; then the result is kept. Every move is
 * hold-to-run through {@link CalibrationRig#drive}, asked for only while its button is held after a
 * release; the e-stop, a fault, a step's timeout or a refused measurement end it without storing.
 *
 * <p>Not thread-safe: one thread calls {@link #tick}.
 */
public final class CalibrationProcedure {
    private static final int RECENT_SAMPLES = 25;
    private static final double NANOS_PER_S = 1e9;
    /** Beyond the sensor's noise and a controlled stop's settling: the approach moved backwards. */
    private static final double WRONG_WAY_DEG = 3.0;

    private final CalibrationRig rig;
    private final ImuMounting mounting;
    private final CalibrationPlan plan;
    private final CalibrationKeeper keeper;
    private final Consumer<String> console;
    private final FreshButtons buttons = new FreshButtons();
    private final RecentAccel recent = new RecentAccel(RECENT_SAMPLES);
    private final List<PoseAverage> poses = new ArrayList<>();

    private CalibrationStep step = CalibrationStep.START;
    private long stepStartNanos;
    private PoseSampler sampler;
    private Axes lastAccelG;
    private long lastSampleNanos = Long.MIN_VALUE;
    private double approachStartDeg;
    private Estimate.Solved solved;
    private double axisStartDeg;
    private double gyroTravelDeg;
    private boolean axisMoveComplete;
    private Refusal refusal;
    private PanelReading lastPanel;
    private CalibrationStep outcome;
    /** The time of the tick being decided, for a failure found outside a step's handler. */
    private long stepNow;

    public CalibrationProcedure(CalibrationRig rig, ImuMounting mounting, CalibrationPlan plan, CalibrationKeeper keeper,
                                Consumer<String> console) {
        if (rig == null || mounting == null || plan == null || keeper == null || console == null) {
            throw new IllegalArgumentException("every argument must be given");
        }
        this.rig = rig;
        this.mounting = mounting;
        this.plan = plan;
        this.keeper = keeper;
        this.console = console;
    }

    public CalibrationStep step() {
        return step;
    }

    /** Why the procedure stopped without storing, once {@link CalibrationStep#FAILED}. */
    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The fit, once the second pose is measured. */
    public Optional<Estimate.Solved> solved() {
        return Optional.ofNullable(solved);
    }

    /** One tick: read, decide, drive. Returns the step after it. */
    public CalibrationStep tick(long nowNanos) {
        stepNow = nowNanos;
        if (step.finished()) {
            rig.drive(DriveRequest.STOP);
            return step;
        }
        Optional<RawImuSample> sample = rig.readImu();
        PanelReading panel = rig.panel();
        lastPanel = panel;
        buttons.update(panel);
        sample.ifPresent(s -> take(s, nowNanos));
        if (panel.estopStop()) {
            rig.drive(DriveRequest.STOP);
            fail(RefusalReason.ESTOP, "the e-stop was pressed; release it and run calibrate again");
            return step;
        }
        DriveRequest request = decide(nowNanos, panel, sample);
        if (step.finished()) {
            request = DriveRequest.STOP;
        }
        DriveStatus status = rig.drive(request);
        if (!step.finished()) {
            judgeDrive(status);
        }
        return step;
    }

    private void take(RawImuSample s, long nowNanos) {
        recent.add(s.accelG());
        lastAccelG = s.accelG();
        if (solved != null && lastSampleNanos != Long.MIN_VALUE && (step == CalibrationStep.AXIS_CHECK_MOVE
                || step == CalibrationStep.AXIS_CHECK_SETTLE)) {
            Axes offset = solved.calibration().gyroOffsetDegS();
            double rate = MountingAxes.angleRateDegS(mounting, s.gyroDegS().x() - offset.x(),
                    s.gyroDegS().y() - offset.y(), s.gyroDegS().z() - offset.z());
            gyroTravelDeg += rate * (nowNanos - lastSampleNanos) / NANOS_PER_S;
        }
        lastSampleNanos = nowNanos;
    }

    private DriveRequest decide(long now, PanelReading panel, Optional<RawImuSample> sample) {
        return switch (step) {
            case START -> start(now);
            case AWAIT_HOME -> awaitHome(now, panel);
            case SAMPLE_HOME -> sampleHome(now, sample);
            case MOVE_TOWARD_LEVEL -> moveTowardLevel(now);
            case LEVEL -> level(now);
            case SAMPLE_LEVEL -> sampleLevel(now, sample);
            case AWAIT_AXIS_CHECK -> awaitAxisCheck(now);
            case AXIS_CHECK_MOVE -> axisCheckMove(now);
            case AXIS_CHECK_SETTLE -> axisCheckSettle(now);
            case RETURN_HOME -> returnHome(now, panel);
            case DONE, FAILED -> DriveRequest.STOP;
        };
    }

    private DriveRequest start(long now) {
        rig.beep(BeepCode.STEP_HOME);
        say("step 1 of 3 (1 beep): nobody on the table. Hold UP until it rests on its HOME end stop, then press STOP.");
        enter(CalibrationStep.AWAIT_HOME, now);
        return DriveRequest.STOP;
    }

    private DriveRequest awaitHome(long now, PanelReading panel) {
        if (timedOut(now, plan.waitForButtonS(), "nobody pressed STOP at home")) {
            return DriveRequest.STOP;
        }
        if (buttons.pressed(Button.STOP)) {
            if (panel.homeSwitchAtHome()) {
                say(String.format(Locale.ROOT, "sampling at home (%.1f deg) for %.0f s: keep off the table.",
                        plan.homeDeg(), plan.sampleS()));
                sampler = new PoseSampler(plan.homeDeg());
                enter(CalibrationStep.SAMPLE_HOME, now);
            } else {
                say("the HOME switch does not read at home: hold UP until the table rests on its end stop, then press STOP.");
            }
            return DriveRequest.STOP;
        }
        return buttons.held(Button.UP) && !panel.homeSwitchAtHome() ? DriveRequest.TOWARD_UPRIGHT : DriveRequest.STOP;
    }

    private DriveRequest sampleHome(long now, Optional<RawImuSample> sample) {
        sample.ifPresent(sampler::add);
        if (elapsedS(now) < plan.sampleS()) {
            return DriveRequest.STOP;
        }
        PoseAverage home = sampler.average();
        Optional<Refusal> bad = RestCheck.judge("at home", home).or(() -> AxisMappingCheck.atRest(List.of(home), mounting));
        if (bad.isPresent()) {
            fail(bad.get());
            return DriveRequest.STOP;
        }
        poses.add(home);
        approachStartDeg = mounting.angleDeg(home.accelMeanG().x(), home.accelMeanG().y(), home.accelMeanG().z());
        rig.beep(BeepCode.STEP_LEVEL);
        say(String.format(Locale.ROOT, "step 2 of 3 (2 beeps): hold DOWN; the bed moves toward level and stops by itself"
                + " about %.0f deg short of it. Letting go stops it at once.", plan.approachMarginDeg()));
        enter(CalibrationStep.MOVE_TOWARD_LEVEL, now);
        return DriveRequest.STOP;
    }

    private DriveRequest moveTowardLevel(long now) {
        double angle = uncorrectedAngleDeg();
        if (angle < approachStartDeg - WRONG_WAY_DEG) {
            // A mapping that reads home right but runs backwards (the table goes down, the angle
            // falls) would drive on to the angle limit looking for level: stop it here.
            fail(AxisMappingCheck.movedTheOtherWay(angle - approachStartDeg, mounting));
            return DriveRequest.STOP;
        }
        if (angle >= plan.levelDeg() - plan.approachMarginDeg()) {
            say(String.format(Locale.ROOT, "near level (the sensor reads %.1f deg). Lay a spirit level on the bed; hold"
                    + " DOWN or UP until it reads level, let go, then press STOP.", angle));
            enter(CalibrationStep.LEVEL, now);
            return DriveRequest.STOP;
        }
        if (timedOut(now, plan.moveS(), "the bed did not come near level")) {
            return DriveRequest.STOP;
        }
        return buttons.held(Button.DOWN) ? DriveRequest.TOWARD_INVERSION : DriveRequest.STOP;
    }

    private DriveRequest level(long now) {
        if (timedOut(now, plan.waitForButtonS(), "nobody pressed STOP with the bed level")) {
            return DriveRequest.STOP;
        }
        if (buttons.pressed(Button.STOP)) {
            say(String.format(Locale.ROOT, "sampling level for %.0f s: keep off the table, take the spirit level off.",
                    plan.sampleS()));
            sampler = new PoseSampler(plan.levelDeg());
            enter(CalibrationStep.SAMPLE_LEVEL, now);
            return DriveRequest.STOP;
        }
        double angle = uncorrectedAngleDeg();
        if (buttons.held(Button.DOWN) && angle < plan.levelDeg() + plan.levelWindowDeg()) {
            return DriveRequest.TOWARD_INVERSION;
        }
        if (buttons.held(Button.UP) && angle > plan.levelDeg() - plan.approachMarginDeg() - plan.levelWindowDeg()) {
            return DriveRequest.TOWARD_UPRIGHT;
        }
        return DriveRequest.STOP;
    }

    private DriveRequest sampleLevel(long now, Optional<RawImuSample> sample) {
        sample.ifPresent(sampler::add);
        if (elapsedS(now) < plan.sampleS()) {
            return DriveRequest.STOP;
        }
        poses.add(sampler.average());
        Estimate estimate = CalibrationEstimator.estimate(poses, mounting);
        if (estimate instanceof Estimate.Refused r) {
            fail(r.refusal());
            return DriveRequest.STOP;
        }
        solved = (Estimate.Solved) estimate;
        say("fitted " + describe(solved.calibration()) + String.format(Locale.ROOT, ", residual %.2f deg.", solved.residualDeg()));
        say("note: " + solved.note() + ".");
        rig.beep(BeepCode.STEP_AXIS_CHECK);
        say("step 3 of 3 (3 beeps): axis check. Hold DOWN; the bed moves a few degrees toward inversion and stops by"
                + " itself. Letting go stops it at once.");
        enter(CalibrationStep.AWAIT_AXIS_CHECK, now);
        return DriveRequest.STOP;
    }

    private DriveRequest awaitAxisCheck(long now) {
        if (timedOut(now, plan.waitForButtonS(), "nobody held DOWN for the axis check")) {
            return DriveRequest.STOP;
        }
        if (buttons.held(Button.DOWN) && recent.full()) {
            axisStartDeg = correctedAngleDeg(recent.mean());
            gyroTravelDeg = 0;
            continueHold(CalibrationStep.AXIS_CHECK_MOVE, now);
            return DriveRequest.TOWARD_INVERSION;
        }
        return DriveRequest.STOP;
    }

    private DriveRequest axisCheckMove(long now) {
        if (!buttons.held(Button.DOWN)) {
            axisMoveComplete = false;
            say("DOWN let go before the check was done: the bed stops; hold DOWN again once it has.");
            enter(CalibrationStep.AXIS_CHECK_SETTLE, now);
            return DriveRequest.STOP;
        }
        double travel = correctedAngleDeg(lastAccelG) - axisStartDeg;
        if (Math.abs(travel) >= plan.axisCheckTravelDeg() || Math.abs(gyroTravelDeg) >= plan.axisCheckTravelDeg()
                || elapsedS(now) >= plan.axisCheckMaxS()) {
            axisMoveComplete = true;
            enter(CalibrationStep.AXIS_CHECK_SETTLE, now);
            return DriveRequest.STOP;
        }
        return DriveRequest.TOWARD_INVERSION;
    }

    private DriveRequest axisCheckSettle(long now) {
        if (elapsedS(now) < plan.settleS()) {
            return DriveRequest.STOP;
        }
        if (!axisMoveComplete) {
            enter(CalibrationStep.AWAIT_AXIS_CHECK, now);
            return DriveRequest.STOP;
        }
        double travel = correctedAngleDeg(recent.mean()) - axisStartDeg;
        say(String.format(Locale.ROOT, "axis check: the angle moved %+.2f deg, the gyro %+.2f deg.", travel, gyroTravelDeg));
        Optional<Refusal> bad = AxisMappingCheck.afterMoveTowardInversion(travel, gyroTravelDeg, mounting);
        if (bad.isPresent()) {
            fail(bad.get());
            return DriveRequest.STOP;
        }
        try {
            keeper.keep(solved);
        } catch (Exception e) {
            fail(RefusalReason.NOT_STORED, "the calibration is good but was not stored: " + e.getMessage());
            return DriveRequest.STOP;
        }
        rig.beep(BeepCode.STORED);
        say("calibration stored (5 beeps); it is read at every start.");
        end(CalibrationStep.DONE, now);
        return DriveRequest.STOP;
    }

    private DriveRequest returnHome(long now, PanelReading panel) {
        if (panel.homeSwitchAtHome() || buttons.pressed(Button.STOP) || elapsedS(now) >= plan.waitForButtonS()) {
            say(panel.homeSwitchAtHome() ? "the table is home." : "the table stays where it is.");
            step = outcome;
            return DriveRequest.STOP;
        }
        return buttons.held(Button.UP) ? DriveRequest.TOWARD_UPRIGHT : DriveRequest.STOP;
    }

    /** The result is in: bring the table home first when it is away and the drive still answers. */
    private void end(CalibrationStep result, long now) {
        outcome = result;
        if (lastPanel != null && lastPanel.homeSwitchAtHome()) {
            step = result;
            return;
        }
        say("hold UP to bring the table home (it stops on the HOME switch); press STOP to leave it here.");
        enter(CalibrationStep.RETURN_HOME, now);
    }

    private void judgeDrive(DriveStatus status) {
        if (step == CalibrationStep.RETURN_HOME && status.condition() != DriveStatus.Condition.READY) {
            // The result is already in (stored or refused); only the way home is cut short.
            say("the controller stopped the table on its way home (" + status.condition() + " " + status.detail()
                    + "): bring it home with the service running (reset, then UP).");
            step = outcome;
            return;
        }
        switch (status.condition()) {
            case READY -> {
            }
            case ESTOP -> fail(RefusalReason.ESTOP, "the e-stop was pressed; release it and run calibrate again");
            case FAULT -> {
                if (step == CalibrationStep.AXIS_CHECK_MOVE || step == CalibrationStep.AXIS_CHECK_SETTLE) {
                    // A reversed mapping makes the supervisor see the table move against its command:
                    // the cause to name is the mapping, not the fault it raised.
                    double travel = correctedAngleDeg(lastAccelG) - axisStartDeg;
                    if (travel < -AxisMappingCheck.TRAVEL_SLACK_DEG) {
                        fail(AxisMappingCheck.afterMoveTowardInversion(travel, gyroTravelDeg, mounting).orElseThrow());
                        return;
                    }
                }
                fail(RefusalReason.DRIVE_FAULT, "the controller stopped the table: " + status.detail()
                        + "; clear the cause, reset (STOP held 2 s) and run calibrate again");
            }
        }
    }

    private boolean timedOut(long now, double limitS, String what) {
        if (elapsedS(now) < limitS) {
            return false;
        }
        fail(RefusalReason.TIMED_OUT, String.format(Locale.ROOT, "%s within %.0f s", what, limitS));
        return true;
    }

    private void fail(RefusalReason reason, String message) {
        fail(new Refusal(reason, message));
    }

    private void fail(Refusal why) {
        CalibrationStep at = step;
        refusal = why;
        rig.beep(BeepCode.FAILED);
        say("calibration stopped (long beep) at " + at + ": " + why.message() + ". Nothing was stored.");
        if (why.reason() == RefusalReason.ESTOP || why.reason() == RefusalReason.DRIVE_FAULT) {
            // The drive is latched off: recovering is the service's job (reset, limp home), not this one's.
            step = CalibrationStep.FAILED;
        } else {
            end(CalibrationStep.FAILED, stepNow);
        }
    }

    private void enter(CalibrationStep next, long now) {
        step = next;
        stepStartNanos = now;
        buttons.rearm();
    }

    /** The next step goes on with the press that started it (the hold of DOWN is the same). */
    private void continueHold(CalibrationStep next, long now) {
        step = next;
        stepStartNanos = now;
    }

    private double elapsedS(long now) {
        return (now - stepStartNanos) / NANOS_PER_S;
    }

    private double uncorrectedAngleDeg() {
        if (lastAccelG == null) {
            return Double.NEGATIVE_INFINITY;
        }
        return mounting.angleDeg(lastAccelG.x(), lastAccelG.y(), lastAccelG.z());
    }

    private double correctedAngleDeg(Axes raw) {
        double[] c = CalibrationEstimator.corrected(raw, solved.calibration());
        return mounting.angleDeg(c[0], c[1], c[2]);
    }

    private void say(String line) {
        console.accept("calibrate: " + line);
    }

    static String describe(ImuCalibration c) {
        return String.format(Locale.ROOT, "accel offset x %+.4f y %+.4f z %+.4f g, scale x %.4f y %.4f z %.4f,"
                        + " gyro offset x %+.2f y %+.2f z %+.2f deg/s",
                c.accelOffsetG().x(), c.accelOffsetG().y(), c.accelOffsetG().z(), c.accelScale().x(), c.accelScale().y(),
                c.accelScale().z(), c.gyroOffsetDegS().x(), c.gyroOffsetDegS().y(), c.gyroOffsetDegS().z());
    }
}

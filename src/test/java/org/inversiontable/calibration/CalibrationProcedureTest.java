package org.inversiontable.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.junit.jupiter.api.Test;

/** Every transition of the procedure, on a kinematic table and simulated time. */
class CalibrationProcedureTest {
    private static final double HOME_DEG = -65.0;
    private static final long TICK_NANOS = 10_000_000L;

    private final ScriptedTable table = new ScriptedTable(HOME_DEG, ImuMounting.DEFAULT, 3);
    private final List<String> console = new ArrayList<>();
    private final List<Estimate.Solved> kept = new ArrayList<>();
    private CalibrationKeeper keeper = kept::add;
    private CalibrationProcedure procedure = procedure(ImuMounting.DEFAULT);
    private long now;

    private CalibrationProcedure procedure(ImuMounting mounting) {
        return new CalibrationProcedure(table, mounting, CalibrationPlan.forHome(HOME_DEG), s -> keeper.keep(s),
                console::add);
    }

    private CalibrationStep tick() {
        now += TICK_NANOS;
        return procedure.tick(now);
    }

    private void ticks(double seconds) {
        for (int i = 0; i < Math.round(seconds / ScriptedTable.TICK_S); i++) {
            tick();
        }
    }

    /** Ticks until {@code step}, the builder acting each tick; fails after {@code maxS}. */
    private void until(CalibrationStep step, double maxS, Consumer<ScriptedTable> builder) {
        for (int i = 0; i < maxS / ScriptedTable.TICK_S; i++) {
            if (procedure.step() == step) {
                return;
            }
            builder.accept(table);
            tick();
        }
        assertEquals(step, procedure.step(), String.join("\n", console));
    }

    private void pressStop() {
        table.hold(Button.STOP);
        tick();
        table.release(Button.STOP);
        tick();
    }

    private void toLevelPrompt() {
        tick();
        tick();
        pressStop();
        until(CalibrationStep.MOVE_TOWARD_LEVEL, 3, t -> { });
        until(CalibrationStep.LEVEL, 30, t -> t.hold(Button.DOWN));
        table.release(Button.DOWN);
        tick();
    }

    private void levelAndSample() {
        until(CalibrationStep.SAMPLE_LEVEL, 30, t -> {
            if (t.angleDeg < -0.02) {
                t.hold(Button.DOWN);
            } else {
                t.release(Button.DOWN);
                t.hold(Button.STOP);
            }
        });
        table.release(Button.STOP);
        until(CalibrationStep.AWAIT_AXIS_CHECK, 3, t -> { });
    }

    @Test
    void theWholeProcedureStoresACalibrationThatCorrectsTheChipAndBeepsEachStep() {
        toLevelPrompt();
        levelAndSample();
        tick();
        until(CalibrationStep.RETURN_HOME, 10, t -> t.hold(Button.DOWN));
        assertEquals(1, kept.size(), String.join("\n", console));
        table.release(Button.DOWN);
        tick();
        until(CalibrationStep.DONE, 30, t -> t.hold(Button.UP));
        assertEquals(HOME_DEG, table.angleDeg, 0.5, "UP brought it home");
        var c = kept.get(0).calibration();
        assertEquals(SyntheticPoses.MISCALIBRATED.accelOffsetG().x(), c.accelOffsetG().x(), 0.005);
        assertEquals(SyntheticPoses.MISCALIBRATED.accelOffsetG().z(), c.accelOffsetG().z(), 0.005);
        assertEquals(SyntheticPoses.MISCALIBRATED.accelScale().x(), c.accelScale().x(), 0.01);
        assertEquals(List.of(BeepCode.STEP_HOME, BeepCode.STEP_LEVEL, BeepCode.STEP_AXIS_CHECK, BeepCode.STORED), table.beeps);
        assertTrue(console.stream().anyMatch(l -> l.startsWith("calibrate: step 1 of 3 (1 beep)")), console::toString);
        assertTrue(console.stream().anyMatch(l -> l.startsWith("calibrate: axis check: the angle moved +")), console::toString);
        assertTrue(console.stream().anyMatch(l -> l.startsWith("calibrate: calibration stored (5 beeps)")), console::toString);
        assertEquals("calibrate: the table is home.", console.get(console.size() - 1));
        table.hold(Button.DOWN);
        tick();
        assertEquals(DriveRequest.STOP, table.lastRequest(), "a finished procedure never drives");
    }

    @Test
    void aStopHeldSinceBeforeTheStepIsNoPressUntilReleased() {
        table.hold(Button.STOP);
        ticks(1);
        assertEquals(CalibrationStep.AWAIT_HOME, procedure.step());
        table.release(Button.STOP);
        tick();
        table.hold(Button.STOP);
        tick();
        assertEquals(CalibrationStep.SAMPLE_HOME, procedure.step());
    }

    @Test
    void stopAwayFromHomeIsRefusedAndUpHeldBringsTheTableToItsEndStop() {
        table.angleDeg = -40;
        tick();
        pressStop();
        assertEquals(CalibrationStep.AWAIT_HOME, procedure.step());
        assertTrue(console.get(console.size() - 1).contains("the HOME switch does not read at home"), console::toString);
        table.hold(Button.UP);
        ticks(10);
        assertEquals(HOME_DEG, table.angleDeg, 0.5);
        assertEquals(DriveRequest.STOP, table.lastRequest(), "UP stops asking once the switch reads home");
        table.release(Button.UP);
        tick();
        pressStop();
        assertEquals(CalibrationStep.SAMPLE_HOME, procedure.step());
    }

    @Test
    void nobodyPressingStopAtHomeTimesOut() {
        tick();
        ticks(299);
        assertEquals(CalibrationStep.AWAIT_HOME, procedure.step());
        ticks(1.1);
        assertFailed(RefusalReason.TIMED_OUT, "nobody pressed STOP at home within 300 s");
    }

    @Test
    void aTableShakingWhileSamplingHomeIsRefused() {
        tick();
        pressStop();
        table.shakeDeg = 0.5;
        ticks(2.1);
        assertEquals(CalibrationStep.FAILED, procedure.step());
        assertTrue(procedure.refusal().orElseThrow().reason() == RefusalReason.TABLE_MOVING
                || procedure.refusal().orElseThrow().reason() == RefusalReason.VIBRATION, procedure.refusal()::toString);
        assertEquals(BeepCode.FAILED, table.beeps.get(table.beeps.size() - 1));
        assertTrue(console.get(console.size() - 1).endsWith("Nothing was stored."), console::toString);
    }

    @Test
    void aSilentSensorAtHomeIsRefused() {
        tick();
        pressStop();
        table.imuSilent = true;
        ticks(2.1);
        assertFailed(RefusalReason.SENSOR_SILENT, "check the IMU's wiring");
    }

    @Test
    void aReversedSignIsCaughtAtHomeBeforeAnythingMoves() {
        procedure = procedure(new ImuMounting(Axis.MINUS_X, Axis.Z, 0.0, 2));
        tick();
        pressStop();
        ticks(2.1);
        assertFailed(RefusalReason.AXIS_MAPPING_WRONG, "set imu_axis_along = x, imu_axis_normal = z");
        assertFalse(table.requests.contains(DriveRequest.TOWARD_INVERSION));
    }

    @Test
    void aMappingThatReadsHomeRightButRunsBackwardsStopsTheApproachNamingTheMapping() {
        // -x along with a -130 deg offset mirrors the angle about home: right at home, backwards everywhere else
        procedure = procedure(new ImuMounting(Axis.MINUS_X, Axis.Z, -130.0, 2));
        toLevelPromptStartOnly();
        until(CalibrationStep.RETURN_HOME, 10, t -> t.hold(Button.DOWN));
        assertFailed(RefusalReason.AXIS_MAPPING_WRONG, "axis mapping wrong: the angle moved the other way (-3.");
        assertEquals(DriveRequest.STOP, table.lastRequest());
        assertTrue(table.angleDeg < HOME_DEG + 3.5, "stopped within a few degrees of home: " + table.angleDeg);
    }

    @Test
    void downMovesOnlyWhileHeldAndStopsTheSameTickItIsReleased() {
        toLevelPromptStartOnly();
        table.hold(Button.DOWN);
        ticks(1);
        assertEquals(DriveRequest.TOWARD_INVERSION, table.lastRequest());
        double moved = table.angleDeg;
        table.release(Button.DOWN);
        tick();
        assertEquals(DriveRequest.STOP, table.lastRequest());
        ticks(2);
        assertEquals(moved, table.angleDeg, 1e-9);
        assertEquals(CalibrationStep.MOVE_TOWARD_LEVEL, procedure.step());
        table.hold(Button.DOWN);
        tick();
        assertEquals(DriveRequest.TOWARD_INVERSION, table.lastRequest(), "a fresh press goes on");
    }

    private void toLevelPromptStartOnly() {
        tick();
        pressStop();
        until(CalibrationStep.MOVE_TOWARD_LEVEL, 3, t -> { });
    }

    @Test
    void theMoveTowardLevelStopsByItselfShortOfLevel() {
        toLevelPromptStartOnly();
        until(CalibrationStep.LEVEL, 30, t -> t.hold(Button.DOWN));
        tick();
        assertEquals(DriveRequest.STOP, table.lastRequest());
        assertTrue(table.angleDeg > -13 && table.angleDeg < -6, "stopped short of level by about 10 deg (uncorrected): " + table.angleDeg);
    }

    @Test
    void aMoveTowardLevelThatNeverArrivesTimesOut() {
        toLevelPromptStartOnly();
        ticks(120.1);
        assertFailed(RefusalReason.TIMED_OUT, "the bed did not come near level within 120 s");
    }

    @Test
    void levellingCannotTakeTheBedFurtherThanItsWindow() {
        toLevelPrompt();
        table.hold(Button.DOWN);
        ticks(10);
        assertTrue(table.angleDeg < 12 && table.angleDeg > 2, "DOWN stops about 5 deg past level (uncorrected): " + table.angleDeg);
        assertEquals(DriveRequest.STOP, table.lastRequest());
        table.release(Button.DOWN);
        tick();
        table.hold(Button.UP);
        ticks(10);
        assertTrue(table.angleDeg > -22 && table.angleDeg < -8, "UP stops about 15 deg above level (uncorrected): " + table.angleDeg);
    }

    @Test
    void aBedFarFromLevelWhenStopIsPressedIsRefusedByTheFit() {
        toLevelPrompt();
        pressStop();   // about 10 deg short of level, taken for level
        ticks(2.1);
        assertFailed(RefusalReason.OUT_OF_BOUNDS, "a reference pose was not where the procedure said");
        assertTrue(kept.isEmpty());
    }

    @Test
    void lettingGoDuringTheAxisCheckStopsAndWaitsForAFreshHold() {
        toLevelPrompt();
        levelAndSample();
        tick();
        table.hold(Button.DOWN);
        ticks(0.1);
        assertEquals(CalibrationStep.AXIS_CHECK_MOVE, procedure.step());
        table.release(Button.DOWN);
        tick();
        assertEquals(CalibrationStep.AXIS_CHECK_SETTLE, procedure.step());
        assertEquals(DriveRequest.STOP, table.lastRequest());
        ticks(2.1);
        assertEquals(CalibrationStep.AWAIT_AXIS_CHECK, procedure.step());
        until(CalibrationStep.RETURN_HOME, 10, t -> t.hold(Button.DOWN));
        assertEquals(1, kept.size());
    }

    @Test
    void aFaultDuringTheAxisCheckEndsItNamingTheFault() {
        toLevelPrompt();
        levelAndSample();
        tick();
        table.hold(Button.DOWN);
        ticks(0.1);
        table.status = new DriveStatus(DriveStatus.Condition.FAULT, "motion_stall (the angle did not follow the command)");
        tick();
        assertFailed(RefusalReason.DRIVE_FAULT, "the controller stopped the table: motion_stall");
        assertTrue(kept.isEmpty());
    }

    @Test
    void theEstopAtAnyStepEndsTheProcedureAndStopsTheDrive() {
        for (CalibrationStep at : List.of(CalibrationStep.AWAIT_HOME, CalibrationStep.MOVE_TOWARD_LEVEL, CalibrationStep.LEVEL)) {
            CalibrationProcedureTest t = new CalibrationProcedureTest();
            t.until(at, 40, s -> {
                if (t.procedure.step() == CalibrationStep.AWAIT_HOME && at != CalibrationStep.AWAIT_HOME) {
                    s.buttons ^= Button.STOP.bit();
                } else if (t.procedure.step() == CalibrationStep.MOVE_TOWARD_LEVEL) {
                    s.release(Button.STOP);
                    s.hold(Button.DOWN);
                }
            });
            t.table.estop = true;
            t.tick();
            t.assertFailed(RefusalReason.ESTOP, "the e-stop was pressed");
            assertEquals(DriveRequest.STOP, t.table.lastRequest(), "at " + at);
        }
    }

    @Test
    void anEstopReportedByTheDriveEndsTheProcedure() {
        toLevelPromptStartOnly();
        table.hold(Button.DOWN);
        tick();
        table.status = new DriveStatus(DriveStatus.Condition.ESTOP, "");
        tick();
        assertFailed(RefusalReason.ESTOP, "release it and run calibrate again");
    }

    @Test
    void aCalibrationThatCannotBeWrittenIsReportedAsNotStored() {
        keeper = s -> {
            throw new Exception("/var/lib/inversion-table/imu-calibration.json: could not be written (permission denied)");
        };
        toLevelPrompt();
        levelAndSample();
        tick();
        until(CalibrationStep.RETURN_HOME, 10, t -> t.hold(Button.DOWN));
        assertFailed(RefusalReason.NOT_STORED, "permission denied");
    }

    @Test
    void nobodyHoldingDownForTheAxisCheckTimesOut() {
        toLevelPrompt();
        levelAndSample();
        ticks(300.1);
        assertFailed(RefusalReason.TIMED_OUT, "nobody held DOWN for the axis check");
    }

    @Test
    void afterARefusalAwayFromHomeStopLeavesTheTableWhereItIsAndTheResultStaysFailed() {
        toLevelPromptStartOnly();
        table.hold(Button.DOWN);
        ticks(2);
        table.release(Button.DOWN);
        ticks(118.1);
        assertEquals(CalibrationStep.RETURN_HOME, procedure.step());
        assertTrue(console.get(console.size() - 1).startsWith("calibrate: hold UP to bring the table home"), console::toString);
        table.hold(Button.DOWN);
        ticks(1);
        assertEquals(DriveRequest.STOP, table.lastRequest(), "only UP moves on the way home");
        table.release(Button.DOWN);
        tick();
        pressStop();
        assertEquals(CalibrationStep.FAILED, procedure.step());
        assertEquals(RefusalReason.TIMED_OUT, procedure.refusal().orElseThrow().reason());
    }

    @Test
    void aFaultOnTheWayHomeEndsWithTheResultAlreadyIn() {
        toLevelPrompt();
        levelAndSample();
        tick();
        until(CalibrationStep.RETURN_HOME, 10, t -> t.hold(Button.DOWN));
        table.release(Button.DOWN);
        tick();
        table.hold(Button.UP);
        tick();
        table.status = new DriveStatus(DriveStatus.Condition.FAULT, "imu_stale");
        tick();
        assertEquals(CalibrationStep.DONE, procedure.step(), "the calibration was stored before the fault");
        assertEquals(1, kept.size());
        assertTrue(console.get(console.size() - 1).contains("stopped the table on its way home (FAULT imu_stale)"),
                console::toString);
    }

    @Test
    void nobodyPressingStopWhileLevellingTimesOut() {
        toLevelPrompt();
        ticks(300.1);
        assertFailed(RefusalReason.TIMED_OUT, "nobody pressed STOP with the bed level within 300 s");
    }

    @Test
    void anAxisCheckMoveThatGoesNowhereEndsAfterItsTimeAsNoMotion() {
        toLevelPrompt();
        levelAndSample();
        tick();
        table.speedDegS = 0;   // a stalled actuator the controller has not caught yet
        table.hold(Button.DOWN);
        ticks(4.9);
        assertEquals(CalibrationStep.AXIS_CHECK_MOVE, procedure.step());
        ticks(0.2);
        assertEquals(CalibrationStep.AXIS_CHECK_SETTLE, procedure.step());
        ticks(2.1);
        assertFailed(RefusalReason.NO_MOTION, "the table hardly moved");
    }

    @Test
    void aFaultDuringTheMoveTowardLevelEndsItWithoutTheWayHome() {
        toLevelPromptStartOnly();
        table.hold(Button.DOWN);
        ticks(1);
        table.status = new DriveStatus(DriveStatus.Condition.FAULT, "overspeed");
        tick();
        assertEquals(CalibrationStep.FAILED, procedure.step(), "a latched drive is the service's to recover");
        assertFailed(RefusalReason.DRIVE_FAULT, "overspeed");
        tick();   // one drive call per tick (it ticks the controller): the next one asks for nothing
        assertEquals(DriveRequest.STOP, table.lastRequest());
    }

    @Test
    void theWayHomeGivesUpAfterItsTimeWithTheResultKept() {
        toLevelPrompt();
        levelAndSample();
        tick();
        until(CalibrationStep.RETURN_HOME, 10, t -> t.hold(Button.DOWN));
        table.release(Button.DOWN);
        ticks(299);
        assertEquals(CalibrationStep.RETURN_HOME, procedure.step());
        ticks(1.1);
        assertEquals(CalibrationStep.DONE, procedure.step());
        assertEquals("calibrate: the table stays where it is.", console.get(console.size() - 1));
    }

    private void assertFailed(RefusalReason reason, String words) {
        assertTrue(procedure.step() == CalibrationStep.FAILED || procedure.step() == CalibrationStep.RETURN_HOME,
                String.join("\n", console));
        Refusal r = procedure.refusal().orElseThrow();
        assertEquals(reason, r.reason(), r.message());
        assertTrue(r.message().contains(words), r.message());
    }
}

package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The picture follows SPEC §2: positive is head down, home is nearly upright with the feet down. */
class SimulatorTablePoseTest {
    @Test
    void positiveAnglesPutTheHeadDown() {
        TablePose pose = TablePose.at(30);
        assertTrue(pose.headCentre().y() < pose.ankle().y());
        assertTrue(pose.headEnd().y() < pose.pivot().y());
    }

    @Test
    void homeIsNearlyUprightWithTheFeetDown() {
        TablePose pose = TablePose.at(-65);
        assertTrue(pose.ankle().y() < pose.hip().y() && pose.hip().y() < pose.headCentre().y());
        double rise = pose.headEnd().y() - pose.footEnd().y();
        double run = Math.abs(pose.headEnd().x() - pose.footEnd().x());
        assertTrue(rise > 2 * run, "nearly upright: rise " + rise + " run " + run);
    }

    @Test
    void flatIsLevel() {
        TablePose pose = TablePose.at(0);
        assertEquals(pose.headEnd().y(), pose.footEnd().y(), 1e-9);
        assertTrue(pose.headCentre().y() > pose.headEnd().y(), "the person lies on top of the bed");
    }

    @Test
    void neitherEndTouchesTheFloorAnywhereInTheMechanicalRange() {
        for (int a = -70; a <= 90; a++) {
            TablePose pose = TablePose.at(a);
            assertTrue(pose.headEnd().y() > TablePose.floorY() && pose.footEnd().y() > TablePose.floorY(), "at " + a);
        }
    }
}

package org.inversiontable.scenario;

import org.inversiontable.hardware.pi4j.SimulatedBench;
import org.inversiontable.sim.SimulatedTable;

/**
 * Shows the simulated chip the IMU's newest sample, once: the sensor samples every few physics
 * steps (TableParameters#imuSamplePeriodNanos), and between two samples the chip's registers hold
 * still, so only its connection is shown then (SPEC §11: 10,000x real time). One piece for the
 * scenario's session and the bench's rig, which steps the table as the session does.
 *
 * <p>Confined to the thread that steps the physics.
 */
public final class ImuSampleFeed {
    private long lastSequence = -1;

    public void show(SimulatedTable table, SimulatedBench wiring) {
        long sequence = table.imuSequence();
        boolean connected = table.imuConnected();
        boolean fresh = sequence != lastSequence;
        lastSequence = sequence;
        if (fresh && connected) {
            wiring.showImu(true, true, table.imuAngleDeg(), table.imuGravityG(), table.imuRateDegPerS(),
                    table.imuAlongG());
        } else {
            wiring.showImuConnected(connected);
        }
    }
}

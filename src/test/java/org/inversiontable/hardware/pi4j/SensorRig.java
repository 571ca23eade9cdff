package org.inversiontable.hardware.pi4j;

import org.inversiontable.config.Config;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.safety.ImuCheck;
import org.inversiontable.safety.ImuPlausibility;
import org.inversiontable.sim.ImuOutput;
import org.inversiontable.sim.SimulatedTable;
import org.inversiontable.sim.TableParameters;
import org.inversiontable.time.ManualClock;

/**
 * The sensor chain of a table, alone: the simulated table's physics and IMU, the fake chip on its
 * bus, the real driver through a Pi4J context, and the supervisor's plausibility check. The test
 * drives the actuator's duty directly (no controller), ticking at 100 Hz with 1 ms physics steps.
 */
final class SensorRig implements AutoCloseable {
    static final long TICK_NANOS = 10_000_000L;
    private static final long PHYSICS_STEP_NANOS = 1_000_000L;

    final ManualClock clock = new ManualClock(0L);
    final SimulatedTable table;
    final SimulatedBench bench;
    final org.inversiontable.hardware.TiltSensor tilt;
    final ImuPlausibility plausibility = new ImuPlausibility(0L);
    private long lastSequence = -1;
    TiltReading lastReading;
    ImuCheck lastCheck;
    /** Largest |measured - true| over the ticks since {@link #resetError()}, fresh samples only. */
    double maxErrorDeg;
    int disagreeingSamples;
    /** Show only the angle, as a simulation without a gyro model does (the bench makes one up). */
    boolean angleOnly;

    SensorRig(TableParameters params, double startDeg, Config config) {
        table = new SimulatedTable(params, startDeg, 80.0, 11L);
        bench = new SimulatedBench(PinMap.from(config));
        show();
        tilt = bench.boot(clock).tilt();
    }

    SensorRig(TableParameters params, double startDeg) {
        this(params, startDeg, Config.defaults());
    }

    /** One 10 ms tick under this duty; returns the reading. */
    TiltReading tick(double duty) {
        for (long t = 0; t < TICK_NANOS; t += PHYSICS_STEP_NANOS) {
            table.step(PHYSICS_STEP_NANOS, duty, duty != 0.0, true);
            clock.advanceNanos(PHYSICS_STEP_NANOS);
            show();
        }
        lastReading = tilt.read();
        lastCheck = plausibility.check(lastReading, clock.nanoTime());
        if (lastReading.isFresh()) {
            maxErrorDeg = Math.max(maxErrorDeg, Math.abs(lastReading.angleDeg() - table.angleTrueDeg()));
        }
        if (lastReading.status() == TiltReading.Status.DISAGREEING) {
            disagreeingSamples++;
        }
        return lastReading;
    }

    /** Ticks for this long under one duty; fails on the first IMU fault. */
    void run(double seconds, double duty) {
        long ticks = Math.round(seconds * 1e9 / TICK_NANOS);
        for (long i = 0; i < ticks; i++) {
            tick(duty);
            if (lastCheck.tripped()) {
                throw new AssertionError("IMU fault " + lastCheck.fault().code() + " at " + clock.seconds() + " s: "
                        + lastCheck.cause());
            }
        }
    }

    void resetError() {
        maxErrorDeg = 0.0;
    }

    private void show() {
        ImuOutput imu = table.imuOutput();
        boolean fresh = imu.sequence() != lastSequence;
        lastSequence = imu.sequence();
        if (angleOnly) {
            bench.showImu(imu.connected(), fresh && imu.connected(), imu.angleDeg(), imu.gravityG());
        } else {
            bench.showImu(imu.connected(), fresh && imu.connected(), imu.angleDeg(), imu.gravityG(),
                    imu.rateDegPerS(), imu.alongG());
        }
    }

    @Override
    public void close() {
        bench.close();
    }
}

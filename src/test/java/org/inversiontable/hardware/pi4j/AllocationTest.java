package org.inversiontable.hardware.pi4j;

import org.inversiontable.hardware.TiltReading;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.TableHardware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §11 asks for no heap allocation per tick in steady state. These are the adapters' share:
 * the output side allocates nothing at all, and a tilt read allocates no more than its reading.
 */
class AllocationTest {
    private static final int CALLS = 20_000;
    private final SimulatedTable sim = new SimulatedTable();

    @AfterEach
    void shutDown() {
        sim.close();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void outputsAllocateNothingPerTick() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "this JVM does not measure per-thread allocation");
        TableHardware hw = sim.hw();
        MotorCommand[] commands = {MotorCommand.drive(0.123), MotorCommand.drive(-0.456), MotorCommand.OFF};
        Runnable tick = new Runnable() {
            long t = sim.clock.nanoTime();
            int i;

            @Override
            public void run() {
                t += 10_000_000L;
                hw.motor().apply(commands[(i++ / 50) % commands.length], t);
                hw.motor().pollWatchdog(t);
                hw.indicators().set((i & 8) != 0, (i & 16) != 0);
                hw.heartbeat().toggle();
            }
        };
        for (int i = 0; i < CALLS; i++) {
            tick.run();
        }
        long before = allocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            tick.run();
        }
        long perTick = (allocatedBytes() - before) / CALLS;
        assertTrue(perTick == 0, perTick + " bytes allocated per tick");
    }

    @Test
    void aTiltReadAllocatesAtMostItsReading() {
        double[] g = sim.pins.imu().accelerationG(12.5);
        for (int i = 0; i < CALLS; i++) {
            sim.chip.setAccelerationG(g[0], g[1], g[2]);
            sim.hw().tilt().read();
        }
        long before = allocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            sim.chip.setAccelerationG(g[0], g[1], g[2]);
            sim.hw().tilt().read();
        }
        long perRead = (allocatedBytes() - before) / CALLS;
        assertTrue(perRead <= 40, perRead + " bytes allocated per read (a TiltReading is 32)");
    }
}

package org.inversiontable.pi;

import java.util.List;
import java.util.Random;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.inversiontable.hardware.pi4j.Pi4jTableHardware;
import org.inversiontable.hardware.pi4j.SimulatedWiring;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.runtime.Parker;
import org.inversiontable.time.ManualClock;

/**
 * A wired table on Pi4J's mock providers and the register-level fake MPU-6050, for the
 * self-test: a manual clock that the parker advances, a fresh IMU sample every 5 ms of it, and
 * a model of the watchdog relay K2 that reads the heartbeat line and drives its auxiliary
 * contact (in while an edge came within {@link #relayHoldNanos}).
 */
final class MockTableBench implements AutoCloseable {
    static final long MS = 1_000_000L;
    static final int RELAY_AUX_PIN = 20;
    static final List<String> MOCK_PREFIXES = List.of("mock-", "fake-");

    final ManualClock clock = new ManualClock(1_000 * MS);
    final FakeMpu6050 chip = new FakeMpu6050();
    final Config config;
    final RunWiring wiring;
    final Pi4jTableHardware table;
    final SimulatedWiring wires;
    private final Random random = new Random(7);

    // The world the parker advances.
    double angleDeg = -65.0;
    double gravityG = 1.0;
    double noiseDeg = 0.05;
    boolean imuSampling = true;
    boolean relayFitted = true;
    /** The relay's hold after the last heartbeat edge: U3's pulse plus K2's release, 54 + ~10 ms. */
    long relayHoldNanos = 64 * MS;
    boolean relayWelded;
    private boolean lastLine;
    private long lastEdgeNanos = Long.MIN_VALUE / 2;
    private long nextSampleNanos;

    MockTableBench(boolean relayAuxWired) {
        this(relayAuxWired, false);
    }

    /** With {@code imuSilent}, the IMU does not answer on its bus when the hardware starts. */
    MockTableBench(boolean relayAuxWired, boolean imuSilent) {
        chip.setDisconnected(imuSilent);
        this.config = Config.defaults().with(java.util.Map.of(ConfigKey.RELAY_AUX_PIN,
                relayAuxWired ? Integer.toString(RELAY_AUX_PIN) : "0"));
        this.wiring = RunWiring.from(config);
        FakeI2CProvider i2c = new FakeI2CProvider().attach(wiring.pins().i2cBus(), wiring.pins().i2cAddress(), chip);
        this.table = Pi4jTableHardware.create(Pi4jContexts.simulated(i2c), wiring.pins(), clock,
                new Pi4jTableHardware.Options(wiring.relayAuxPin(), java.util.Optional.empty()));
        this.wires = table.simulatedWiring();
        wires.idle(true);
        step();
    }

    /** Waits as the self-test asks: the clock moves on by at least a millisecond, the world with it. */
    final Parker parker = nanos -> {
        clock.advanceNanos(MS);
        step();
    };

    void step() {
        long now = clock.nanoTime();
        if (imuSampling && now >= nextSampleNanos) {
            double[] g = wiring.pins().imu().accelerationG(angleDeg + random.nextGaussian() * noiseDeg);
            chip.setAccelerationG(g[0] * gravityG, g[1] * gravityG, g[2] * gravityG);
            nextSampleNanos = now + 5 * MS;
        }
        boolean line = wires.watchdogHigh();
        if (line != lastLine) {
            lastLine = line;
            lastEdgeNanos = now;
        }
        if (wiring.relayAuxPin() != 0) {
            boolean in = relayWelded || (relayFitted && now - lastEdgeNanos < relayHoldNanos);
            wires.setRelayAuxClosed(in);
        }
    }

    SelfTest selfTest() {
        return TableSelfTest.of(table, wiring, config, MOCK_PREFIXES, "mock board", "mock PWM", clock, parker,
                List.of());
    }

    @Override
    public void close() {
        table.close();
    }
}

package org.inversiontable.hil;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.SimulatedBench;
import org.inversiontable.hardware.pi4j.SimulatedWiring;
import org.inversiontable.sim.WatchdogRelay;
import org.inversiontable.time.ManualClock;

/**
 * The jig in every build: the contacts and the read-back are Pi4J's mock pins and PWM (through the
 * project's {@link SimulatedBench}), the IMU is the register-level fake MPU-6050, the watchdog relay
 * is the simulator's model of it. The adapters, the gate, the supervisor and the controller are
 * the real ones; only time is simulated ({@link SteppedTable}).
 *
 * <p>What it cannot show: a wire broken apart from a contact opened (both are a HIGH mock input),
 * pulls, edge latency (mock listeners run synchronously on the writer's thread), the PWM on a
 * pin, a killed process. Those are the real jig's.
 *
 * <p>Confined to the test's thread.
 */
public final class MockJig implements Jig {
    /**
     * Alternating offset added to the posed angle: a real accelerometer never repeats a sample to
     * the bit, and the supervisor takes identical samples under drive for a frozen sensor.
     */
    static final double SENSOR_NOISE_DEG = 0.01;

    private final SimulatedBench bench;
    private final PinMap pins;
    private final ManualClock clock = new ManualClock(0L);
    private WatchdogRelay relay;
    private ImuPose pose = ImuPose.HOME;
    private boolean estopOpen;
    private boolean atHome = true;
    private int buttonsMask;
    private boolean noiseUp;
    private TableUnderTest table;

    public MockJig() {
        pins = PinMap.from(wiredConfig());
        bench = new SimulatedBench(pins);
        bench.setInputs(false, true, 0);
    }

    @Override
    public String name() {
        return "Pi4J mock providers (SimulatedBench), simulated time";
    }

    @Override
    public void setEstop(EstopContact contact) {
        estopOpen = contact.readsAsStop();
        bench.setInputs(estopOpen, atHome, buttonsMask);
    }

    @Override
    public void setHomeSwitchAtHome(boolean atHomeNow) {
        atHome = atHomeNow;
        bench.setInputs(estopOpen, atHome, buttonsMask);
    }

    @Override
    public Set<Button> drivableButtons() {
        return EnumSet.allOf(Button.class);
    }

    @Override
    public void setButtonPressed(Button button, boolean pressed) {
        buttonsMask = pressed ? buttonsMask | button.bit() : buttonsMask & ~button.bit();
        bench.setInputs(estopOpen, atHome, buttonsMask);
    }

    @Override
    public boolean enableHigh() {
        SimulatedWiring wires = bench.wiring();
        return wires != null && wires.motorEnabled();
    }

    @Override
    public boolean dirTowardInversion() {
        SimulatedWiring wires = bench.wiring();
        return wires != null && wires.motorTowardInversion();
    }

    @Override
    public double dutyFraction() {
        SimulatedWiring wires = bench.wiring();
        return wires == null ? 0.0 : wires.pwmPercent() / 100.0;
    }

    @Override
    public boolean watchdogHigh() {
        return bench.heartbeatHigh();
    }

    @Override
    public RelayState relay() {
        return relay != null && relay.motorPowered() ? RelayState.ENERGIZED : RelayState.DROPPED;
    }

    @Override
    public void poseImu(ImuPose newPose) {
        pose = newPose;
    }

    @Override
    public boolean timingIsPhysical() {
        return false;
    }

    @Override
    public Map<ConfigKey, String> wiring() {
        return Map.of();
    }

    @Override
    public TableUnderTest bootTable(Config config) {
        if (!PinMap.from(config).equals(pins)) {
            throw new IllegalArgumentException("the mock jig is wired to the pins of its wiredConfig(), not " + PinMap.from(config));
        }
        if (table != null) {
            table.close();
        }
        TableHardware hardware = bench.boot(clock);
        relay = new WatchdogRelay(bench.heartbeatHigh());
        table = new SteppedTable(config, hardware, clock, this::showSample, this::watchRelay, bench::close);
        return table;
    }

    private void showSample() {
        noiseUp = !noiseUp;
        double noiseDeg = noiseUp ? SENSOR_NOISE_DEG : -SENSOR_NOISE_DEG;
        bench.showImu(true, true, pose.angleDeg() + noiseDeg, pose.gravityG());
    }

    private void watchRelay(long nowNanos) {
        relay.observe(bench.heartbeatHigh(), nowNanos);
    }

    @Override
    public void close() {
        if (table != null) {
            table.close();
        }
        bench.close();
    }
}

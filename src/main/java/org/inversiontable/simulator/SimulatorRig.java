package org.inversiontable.simulator;

import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.SimulatedBench;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.sim.HomeSwitchFault;
import org.inversiontable.sim.ImuFault;
import org.inversiontable.sim.ImuOutput;
import org.inversiontable.sim.MotorFault;
import org.inversiontable.sim.SimulatedTable;
import org.inversiontable.sim.TableParameters;
import org.inversiontable.sim.WatchdogRelay;
import org.inversiontable.time.Clock;

/**
 * The simulated table and everything physical around it (its IMU chip, its contacts, the watchdog
 * relay, the user), advanced in real time and handled by a person.
 *
 * <p>Thread-safe by one lock (this object): the control thread takes it to advance the physics
 * before each tick (tens of microseconds), the UI thread to press a button or the e-stop. The
 * tick itself runs without it, reading the Pi4J mock pins as it reads real ones on the Pi, where
 * the inputs also change under it from another thread. A UI action changes the wires at once; the
 * e-stop's listener then runs on the UI thread and cuts the motor there, as the input event does
 * on the Pi.
 */
final class SimulatorRig {
    /** The physics' step, as in the scenario simulation: the table moves smoothly between ticks. */
    static final long PHYSICS_STEP_NANOS = 1_000_000L;
    static final double MIN_USER_KG = 40.0;
    static final double MAX_USER_KG = 150.0;

    private final SimulatedTable table;
    private final SimulatedBench bench;
    private final WatchdogRelay relay;
    private long physicsNanos;
    private boolean estopOpen;
    private int buttonsMask;
    private int injected;
    private long lastImuSequence = -1;

    /**
     * @param startNanos the clock's time now: the physics starts here
     */
    SimulatorRig(Config config, double userKg, long seed, long startNanos) {
        requireUserKg(userKg);
        TableParameters params = TableParameters.defaults().withHomeDeg(config.number(ConfigKey.HOME_DEG));
        this.table = new SimulatedTable(params, config.number(ConfigKey.HOME_DEG), userKg, seed);
        this.bench = new SimulatedBench(PinMap.from(config));
        this.physicsNanos = startNanos;
        showImu();
        bench.setInputs(false, table.homeSwitchAtHome(), 0);
        this.relay = new WatchdogRelay(bench.heartbeatHigh());
    }

    /** The controller's hardware: a fresh Pi4J context on the mock providers, wired to this table. */
    synchronized TableHardware boot(Clock clock) {
        TableHardware hardware = bench.boot(clock);
        relay.observe(bench.heartbeatHigh(), physicsNanos);
        return hardware;
    }

    /** Moves the table on to {@code nowNanos} under the H-bridge's output as it is now. */
    synchronized void advanceTo(long nowNanos) {
        while (physicsNanos < nowNanos) {
            long dt = Math.min(PHYSICS_STEP_NANOS, nowNanos - physicsNanos);
            MotorCommand drive = bench.motorOutput();
            relay.observe(bench.heartbeatHigh(), physicsNanos);
            table.step(dt, drive.duty(), drive.enabled(), relay.motorPowered());
            physicsNanos += dt;
            showImu();
            bench.setInputs(estopOpen, table.homeSwitchAtHome(), buttonsMask);
        }
    }

    synchronized void setButton(Button button, boolean pressed) {
        buttonsMask = pressed ? buttonsMask | button.bit() : buttonsMask & ~button.bit();
        bench.setInputs(estopOpen, table.homeSwitchAtHome(), buttonsMask);
    }

    synchronized void setEstopOpen(boolean open) {
        estopOpen = open;
        bench.setInputs(estopOpen, table.homeSwitchAtHome(), buttonsMask);
    }

    synchronized void inject(InjectableFault fault) {
        switch (fault) {
            case IMU_STALE -> table.injectImu(ImuFault.STALE, 0.0);
            case IMU_DISCONNECT -> table.injectImu(ImuFault.DISCONNECT, 0.0);
            case IMU_STUCK -> table.injectImu(ImuFault.STUCK, 0.0);
            case IMU_NOISE -> table.injectImu(ImuFault.NOISE, InjectableFault.NOISE_SIGMA_DEG);
            case IMU_SPIKE -> table.injectImu(ImuFault.SPIKE, InjectableFault.SPIKE_DEG);
            case MOTOR_STALL -> table.inject(MotorFault.STALL);
            case MOTOR_REVERSED -> table.inject(MotorFault.REVERSED);
            case MOTOR_RUNAWAY -> table.inject(MotorFault.RUNAWAY);
            case HOME_SWITCH_STUCK_OPEN -> table.inject(HomeSwitchFault.STUCK_OPEN);
            case HOME_SWITCH_STUCK_CLOSED -> table.inject(HomeSwitchFault.STUCK_CLOSED);
        }
        // A spike is one sample: it is gone once shown, so it is not kept as "injected".
        if (fault != InjectableFault.IMU_SPIKE) {
            if (fault.group() == FaultGroup.HOME_SWITCH) {
                injected &= ~groupBits(FaultGroup.HOME_SWITCH);
            }
            injected |= 1 << fault.ordinal();
        }
        showImu();
        bench.setInputs(estopOpen, table.homeSwitchAtHome(), buttonsMask);
    }

    synchronized void clear(FaultGroup group) {
        table.clear(group);
        injected &= ~groupBits(group);
        showImu();
        bench.setInputs(estopOpen, table.homeSwitchAtHome(), buttonsMask);
    }

    synchronized void setUserKg(double kg) {
        requireUserKg(kg);
        table.setUserMassKg(kg);
    }

    /** The physical side of the status; call on the control thread after a tick (it reads the output pins). */
    synchronized Physical physical() {
        MotorCommand drive = bench.motorOutput();
        return new Physical(table.angleTrueDeg(), drive.duty(), drive.enabled(), relay.motorPowered(),
                bench.wiring().ledOn(), bench.wiring().buzzerOn(), estopOpen, buttonsMask, table.userMassKg(),
                injected);
    }

    /** Ends the controller's Pi4J context (outputs to their shutdown states). */
    synchronized void close() {
        bench.close();
    }

    private void showImu() {
        ImuOutput imu = table.imuOutput();
        boolean fresh = imu.sequence() != lastImuSequence;
        lastImuSequence = imu.sequence();
        bench.showImu(imu.connected(), fresh && imu.connected(), imu.angleDeg(), imu.gravityG(), imu.rateDegPerS(),
                imu.alongG());
    }

    private static int groupBits(FaultGroup group) {
        int bits = 0;
        for (InjectableFault f : InjectableFault.values()) {
            if (f.group() == group) {
                bits |= 1 << f.ordinal();
            }
        }
        return bits;
    }

    private static void requireUserKg(double kg) {
        if (!(kg >= MIN_USER_KG && kg <= MAX_USER_KG)) {
            throw new IllegalArgumentException("the user's weight must be within " + MIN_USER_KG + ".." + MAX_USER_KG
                    + " kg, was " + kg);
        }
    }

    /** What the table, the wires and the user are at one instant. */
    record Physical(double angleTrueDeg, double duty, boolean motorEnabled, boolean motorPowered, boolean ledOn,
                    boolean buzzerOn, boolean estopPressed, int buttonsMask, double userKg, int injected) {
    }
}

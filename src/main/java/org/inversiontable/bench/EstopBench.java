package org.inversiontable.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.SimulatedBench;
import org.inversiontable.hardware.pi4j.SimulatedWiring;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.process.TableProcess;
import org.inversiontable.runtime.AsyncSessionStorage;
import org.inversiontable.runtime.AuxiliaryFailures;
import org.inversiontable.runtime.TableRuntime;
import org.inversiontable.runtime.TickHooks;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.sim.ImuOutput;
import org.inversiontable.sim.SimulatedTable;
import org.inversiontable.sim.TableParameters;
import org.inversiontable.sim.WatchdogRelay;
import org.inversiontable.time.Clock;
import org.inversiontable.time.SystemClock;

/**
 * E-stop edge to motor disabled (SPEC §11), with the control thread running: the real-time
 * runtime ticks the controller at 100 Hz on the simulated table while it drives a move (the
 * H-bridge enabled, the tick taking its lock every period), and at a random phase of the period
 * the bench opens the e-stop contact, i.e. the Pi4J mock input the e-stop adapter listens to. The
 * time runs from just before the input changes to the instant the H-bridge's ENABLE line goes LOW
 * (a listener on that mock output). The input's event runs on the thread that changes the pin, as
 * gpiod's event thread does on a Pi, and does not take the simulator's physics lock.
 *
 * <p>Re-arming: an e-stop latches, and SPEC §4 lifts it only with STOP held 2 s after the contact
 * closes. Rather than 2 s a trial, each trial boots a fresh controller process (a new Pi4J context,
 * controller, supervisor and runtime, as a restart would), waits for IDLE (the 0.1 s boot settle),
 * presses DOWN and waits for the H-bridge to be enabled: about 0.15 s a trial.
 *
 * <pre>{@code
 * EstopBench.Result r = new EstopBench(config, workDir).run(200);
 * }</pre>
 */
final class EstopBench {
    private static final long WAIT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final long PHYSICS_STEP_NANOS = 1_000_000L;

    /**
     * @param latency  over the trials in which ENABLE went LOW
     * @param notReady trials given up because the move did not start (a slow machine's boot fault)
     */
    record Result(Distribution latency, int notReady, long meanTrialMillis) {
    }

    private final Config config;
    private final Path workDir;

    EstopBench(Config config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
    }

    Result run(int trials) throws IOException {
        Clock clock = new SystemClock();
        Rig rig = new Rig(config, clock.nanoTime());
        Path journalDir = Files.createTempDirectory(workDir, "estop-journal");
        Random phase = new Random(18L);
        long[] latencies = new long[trials];
        int done = 0;
        int notReady = 0;
        long started = System.nanoTime();
        try {
            for (int i = 0; i < trials; i++) {
                long latency = trial(rig, clock, journalDir, phase);
                if (latency < 0) {
                    notReady++;
                } else {
                    latencies[done++] = latency;
                }
            }
        } finally {
            rig.close();
        }
        long meanMillis = TimeUnit.NANOSECONDS.toMillis((System.nanoTime() - started) / Math.max(1, trials));
        return new Result(Distribution.ofNanos(latencies, done), notReady, meanMillis);
    }

    /** One trial on a freshly booted process; the latency in ns, or -1 when the move never started. */
    private long trial(Rig rig, Clock clock, Path journalDir, Random phase) {
        AuxiliaryFailures failures = new AuxiliaryFailures();
        AsyncSessionStorage storage = new AsyncSessionStorage(clock, row -> { }, failures);
        TableHardware hardware = rig.boot(clock);
        SimulatedWiring wiring = rig.wiring();
        long[] disabledAt = new long[1];
        Object seen = new Object();
        wiring.onMotorDisabled(() -> {
            synchronized (seen) {
                disabledAt[0] = System.nanoTime();
            }
        });
        TableProcess process = ControllerAssembly.start(config, hardware, clock, java.time.Clock.systemUTC(),
                journalDir, new NioDurableFileSystem(), storage::of);
        StateWatch state = new StateWatch(rig);
        TableRuntime runtime = TableRuntime.builder(process, storage).clock(clock).failures(failures).hooks(state)
                .build();
        runtime.start();
        try {
            if (!await(() -> state.last == TableState.IDLE)) {
                return -1;
            }
            rig.setButtons(Button.DOWN.bit());
            if (!await(wiring::motorEnabled)) {
                return -1;
            }
            // A random phase of the period, so that some edges fall while the tick holds the bridge's lock.
            LockSupport.parkNanos(phase.nextLong(ControlLoop.PERIOD_NANOS));
            if (!wiring.motorEnabled()) {
                return -1;
            }
            synchronized (seen) {
                disabledAt[0] = 0L;
            }
            long edge = System.nanoTime();
            wiring.setEstopOpen(true);
            long returned = System.nanoTime();
            synchronized (seen) {
                // The listener runs inside the input's event; should it not have run, the event's end is the bound.
                return (disabledAt[0] != 0L ? disabledAt[0] : returned) - edge;
            }
        } finally {
            rig.setButtons(0);
            runtime.close();
            wiring.setEstopOpen(false);
        }
    }

    private static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000L);
        }
        return true;
    }

    /** The physics before each tick (as {@code simulate}'s), and the state after it. */
    private static final class StateWatch implements TickHooks {
        private final Rig rig;
        volatile TableState last = TableState.BOOT;

        StateWatch(Rig rig) {
            this.rig = rig;
        }

        @Override
        public void beforeTick(long nowNanos) {
            rig.advanceTo(nowNanos);
        }

        @Override
        public void afterTick(TickRecord record) {
            last = record.state();
        }
    }

    /**
     * The simulated table in real time, as {@code simulate}'s rig moves it (its lock is held for
     * the physics before each tick). The e-stop is not one of its inputs: the trial changes that
     * pin itself, outside this lock, as the contact does on a Pi.
     */
    private static final class Rig {
        private final SimulatedTable table;
        private final SimulatedBench bench;
        private final WatchdogRelay relay;
        private long physicsNanos;
        private int buttonsMask;
        private long lastImuSequence = -1;

        Rig(Config config, long startNanos) {
            TableParameters params = TableParameters.defaults().withHomeDeg(config.number(ConfigKey.HOME_DEG));
            table = new SimulatedTable(params, config.number(ConfigKey.HOME_DEG), 80.0, 1L);
            bench = new SimulatedBench(PinMap.from(config));
            physicsNanos = startNanos;
            showImu();
            bench.setInputs(false, table.homeSwitchAtHome(), 0);
            relay = new WatchdogRelay(false);
        }

        synchronized TableHardware boot(Clock clock) {
            TableHardware hardware = bench.boot(clock);
            relay.observe(bench.heartbeatHigh(), physicsNanos);
            return hardware;
        }

        synchronized SimulatedWiring wiring() {
            return bench.wiring();
        }

        synchronized void advanceTo(long nowNanos) {
            while (physicsNanos < nowNanos) {
                long dt = Math.min(PHYSICS_STEP_NANOS, nowNanos - physicsNanos);
                MotorCommand drive = bench.motorOutput();
                relay.observe(bench.heartbeatHigh(), physicsNanos);
                table.step(dt, drive.duty(), drive.enabled(), relay.motorPowered());
                physicsNanos += dt;
                showImu();
                bench.setInputs(false, table.homeSwitchAtHome(), buttonsMask);
            }
        }

        synchronized void setButtons(int mask) {
            buttonsMask = mask;
            bench.setInputs(false, table.homeSwitchAtHome(), buttonsMask);
        }

        synchronized void close() {
            bench.close();
        }

        private void showImu() {
            ImuOutput imu = table.imuOutput();
            boolean fresh = imu.sequence() != lastImuSequence;
            lastImuSequence = imu.sequence();
            bench.showImu(imu.connected(), fresh && imu.connected(), imu.angleDeg(), imu.gravityG(),
                    imu.rateDegPerS(), imu.alongG());
        }
    }
}

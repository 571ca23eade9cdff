package org.inversiontable.hardware.pi4j;

import com.pi4j.context.Context;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.time.Clock;

/**
 * The desktop stand-in for a wired table: the fake MPU-6050 on its I2C bus and, for each boot of
 * the controller, a fresh Pi4J context on the mock providers with the real adapters on top. The
 * chip and the contacts are physical and survive a power-cycle; everything in the context is
 * thrown away, as a restart of the process would.
 *
 * <pre>{@code
 * SimulatedBench bench = new SimulatedBench(pins);
 * TableHardware hw = bench.boot(clock);          // what the controller talks to
 * bench.setInputs(false, true, 0);               // e-stop closed, at home, no button
 * bench.showImu(true, true, angleDeg, 1.0, rateDegPerS, 0.0);   // a new sample in the chip's registers
 * MotorCommand onWires = bench.motorOutput();    // what the H-bridge does
 * }</pre>
 */
public final class SimulatedBench implements AutoCloseable {
    private final PinMap pins;
    private final FakeMpu6050 chip = new FakeMpu6050();
    private final FakeI2CProvider i2c = new FakeI2CProvider();
    private Pi4jTableHardware table;
    private SimulatedWiring wiring;
    private boolean estopOpen;
    private boolean atHome;
    private int buttonsMask;
    /** The chip's sample period as the driver configures it: 1 kHz / (1 + SMPLRT_DIV). */
    /** Pi4J 3's PWM takes a whole percent, 0..100 (PI4J-NOTES.md). */
    private static final int MAX_PWM_PERCENT = 100;
    private static final double CHIP_SAMPLE_PERIOD_S = (1 + Mpu6050.SMPLRT_DIV_200HZ) / 1000.0;
    static final double MADE_UP_RATE_SMOOTHING_S = 0.1;
    private double lastShownAngleDeg = Double.NaN;
    private double madeUpRateDegPerS;
    /**
     * The simulation shows the chip a sample every few physics steps and reads the wires on every
     * one (SPEC §11: 10,000x real time, physics allocation-free as a goal): so the buttons, the
     * mounting's axes and the vectors' arrays are taken once here rather than made on each step.
     */
    private final Button[] buttons = Button.values();
    private final PinMap.Axis axisAlong;
    private final PinMap.Axis axisNormal;
    private final PinMap.Axis axisPivot;
    private final double mountingOffsetDeg;
    private final double[] gravityXyz = new double[3];
    private final double[] joltXyz = new double[3];
    private final double[] rateXyz = new double[3];
    /** What the chip was last told, so an unchanged connection does not take its lock every step. */
    private boolean chipDisconnected;
    /**
     * The enabled commands read back so far, by PWM percent and direction: the wires can show only
     * these 202, and each is made once, from the wires as dutyOnWires reads them.
     */
    private final MotorCommand[] enabledCommands = new MotorCommand[2 * (MAX_PWM_PERCENT + 1)];

    public SimulatedBench(PinMap pins) {
        this.pins = pins;
        PinMap.ImuMounting mounting = pins.imu();
        this.axisAlong = mounting.axisAlong();
        this.axisNormal = mounting.axisNormal();
        this.axisPivot = mounting.axisPivot();
        this.mountingOffsetDeg = mounting.offsetDeg();
        i2c.attach(pins.i2cBus(), pins.i2cAddress(), chip);
    }

    /** Starts a new controller process: new context, new adapters, inputs as the contacts are now. */
    public TableHardware boot(Clock clock) {
        close();
        Context context = Pi4jContexts.simulated(i2c);
        table = Pi4jTableHardware.create(context, pins, clock);
        wiring = table.simulatedWiring();
        // Mock inputs start LOW (= every button pressed): put the wires where the contacts are.
        wiring.idle(atHome);
        wiring.setEstopOpen(estopOpen);
        for (Button b : buttons) {
            wiring.setButtonPressed(b, b.in(buttonsMask));
        }
        return table.hardware();
    }

    /** Sets the contacts; only changes reach the pins, so listeners fire on real edges only. */
    public void setInputs(boolean estopOpenNow, boolean atHomeNow, int buttonsMaskNow) {
        if (wiring != null) {
            if (estopOpenNow != estopOpen) {
                wiring.setEstopOpen(estopOpenNow);
            }
            if (atHomeNow != atHome) {
                wiring.setHomeSwitchOpen(atHomeNow);
            }
            int changed = buttonsMaskNow ^ buttonsMask;
            if (changed != 0) {
                for (Button b : buttons) {
                    if (b.in(changed)) {
                        wiring.setButtonPressed(b, b.in(buttonsMaskNow));
                    }
                }
            }
        }
        estopOpen = estopOpenNow;
        atHome = atHomeNow;
        buttonsMask = buttonsMaskNow;
    }

    /**
     * Puts a sample into the chip: when {@code newSample}, the accelerometer registers get the
     * gravity vector of {@code angleDeg} for this mounting (scaled to {@code gravityG}) plus
     * {@code alongG} along the bed, the gyro registers the rate about the pivot, and data-ready is set.
     */
    public void showImu(boolean connected, boolean newSample, double angleDeg, double gravityG, double rateDegPerS,
                        double alongG) {
        showImuConnected(connected);
        if (connected && newSample) {
            double[] g = accelerationG(angleDeg);
            double[] jolt = alongBedG(alongG);
            double[] rate = rateXyz(rateDegPerS);
            chip.setMotion(g[0] * gravityG + jolt[0], g[1] * gravityG + jolt[1], g[2] * gravityG + jolt[2],
                    rate[0], rate[1], rate[2]);
        }
    }

    /** The chip answers or not (a DISCONNECT fault); its registers stay as they are. */
    public void showImuConnected(boolean connected) {
        if (chipDisconnected == connected) {
            chipDisconnected = !connected;
            chip.setDisconnected(chipDisconnected);
        }
    }

    // The three below are PinMap.ImuMounting's accelerationG, alongBedG and rateDegPerS into this
    // bench's own arrays, the same operations in the same order (the same bits): a test holds them
    // equal for every mounting.

    double[] accelerationG(double angleDeg) {
        double thetaRad = Math.toRadians(angleDeg - mountingOffsetDeg);
        java.util.Arrays.fill(gravityXyz, 0.0);
        add(gravityXyz, axisAlong, -Math.sin(thetaRad));
        add(gravityXyz, axisNormal, Math.cos(thetaRad));
        return gravityXyz;
    }

    double[] alongBedG(double alongG) {
        java.util.Arrays.fill(joltXyz, 0.0);
        add(joltXyz, axisAlong, alongG);
        return joltXyz;
    }

    double[] rateXyz(double inversionRateDegPerS) {
        java.util.Arrays.fill(rateXyz, 0.0);
        add(rateXyz, axisPivot, inversionRateDegPerS);
        return rateXyz;
    }

    private static void add(double[] xyz, PinMap.Axis axis, double value) {
        xyz[axis.index()] += axis.sign() * value;
    }

    /**
     * For a simulation that knows only the angle: the gyro is made up from the angles shown,
     * their difference over the chip's sample period, smoothed over {@link #MADE_UP_RATE_SMOOTHING_S}
     * (the difference of two noisy angles is mostly noise). The driver's cross-check then agrees,
     * but its angle is barely better than the accelerometer's: give the simulated gyro through
     * {@link #showImu(boolean, boolean, double, double, double, double)} instead.
     */
    public void showImu(boolean connected, boolean newSample, double angleDeg, double gravityG) {
        if (connected && newSample) {
            if (Double.isNaN(lastShownAngleDeg)) {
                lastShownAngleDeg = angleDeg;
            }
            double differenceRateDegPerS = (angleDeg - lastShownAngleDeg) / CHIP_SAMPLE_PERIOD_S;
            madeUpRateDegPerS += (differenceRateDegPerS - madeUpRateDegPerS)
                    * (CHIP_SAMPLE_PERIOD_S / MADE_UP_RATE_SMOOTHING_S);
            lastShownAngleDeg = angleDeg;
        }
        showImu(connected, newSample, angleDeg, gravityG, madeUpRateDegPerS, 0.0);
    }

    /** What the H-bridge drives now, read back from the wires. */
    public MotorCommand motorOutput() {
        if (wiring == null || !wiring.motorEnabled()) {
            return MotorCommand.OFF;
        }
        // Read on every physics step (SPEC §11: the physics allocation-free as a goal).
        int percent = wiring.pwmPercent();
        if (percent < 0 || percent > MAX_PWM_PERCENT) {
            return new MotorCommand(wiring.dutyOnWires(), true);
        }
        int key = 2 * percent + (wiring.motorTowardInversion() ? 1 : 0);
        MotorCommand command = enabledCommands[key];
        if (command == null) {
            command = new MotorCommand(wiring.dutyOnWires(), true);
            enabledCommands[key] = command;
        }
        return command;
    }

    /** The WATCHDOG line's level now (LOW while no controller process runs). */
    public boolean heartbeatHigh() {
        return wiring != null && wiring.watchdogHigh();
    }

    public SimulatedWiring wiring() {
        return wiring;
    }

    /** Ends the current controller process (outputs to their shutdown states). */
    @Override
    public void close() {
        if (table != null) {
            table.close();
            table = null;
            wiring = null;
        }
    }
}

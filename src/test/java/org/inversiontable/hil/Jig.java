package org.inversiontable.hil;

import java.util.Map;
import java.util.Set;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.runtime.TimeScale;
import org.junit.jupiter.api.Assumptions;

/**
 * The far side of the table's wires, as the hardware-in-the-loop contracts need it: it works the
 * contacts the person on the table works (e-stop, HOME end-stop, buttons), reads back what the
 * controller drives (ENABLE, DIR, the PWM duty, the WATCHDOG line, the watchdog relay) and holds
 * the IMU in a pose where it can.
 *
 * <p>Implementations: {@link RealPiJig} (loop-back wires on a Raspberry Pi, jig B of
 * hardware/HIL-JIG.md), {@link MockJig} (Pi4J's mock providers, in every build), and
 * {@link EmulatedPiJig} (a real kernel's gpio-sim and i2c-stub in an emulated arm64 guest). The contracts get theirs from {@link Jigs#current()}
 * (tag {@code hil}) or make a {@link MockJig} (the normal build).
 *
 * <pre>{@code
 * try (Jig jig = Jigs.current(); TableUnderTest table = jig.bootTable(jig.wiredConfig())) {
 *     jig.setEstop(EstopContact.OPEN);
 *     assertFalse(jig.enableHigh());
 * }
 * }</pre>
 *
 * <p>Levels are the wires' (PINMAP.md): reading an output never goes through the controller's own
 * idea of what it wrote. Only the test's thread uses a jig.
 */
public interface Jig extends AutoCloseable {
    /** What this jig is, for the report: "jig B on a Raspberry Pi 4 Model B Rev 1.5", "Pi4J mocks". */
    String name();

    void setEstop(EstopContact contact);

    /** True: the bed has opened the normally-closed end-stop (the input reads HIGH). */
    void setHomeSwitchAtHome(boolean atHome);

    /** The buttons this jig is wired to; the others stay released (their pull-ups). */
    Set<Button> drivableButtons();

    /** Presses or releases a button; a button the jig is not wired to aborts the test with the reason. */
    void setButtonPressed(Button button, boolean pressed);

    /** The H-bridge ENABLE line is HIGH (the bridge may drive). */
    boolean enableHigh();

    /** The DIR line is HIGH: toward inversion. */
    boolean dirTowardInversion();

    /** The PWM duty on the wire, 0..1; 0 while the PWM channel is off. */
    double dutyFraction();

    boolean watchdogHigh();

    RelayState relay();

    /** Holds the IMU at {@code pose}, or aborts the test saying why this jig cannot. */
    void poseImu(ImuPose pose);

    /** Makes every sample register of the IMU read 0 (0 g, a chip that lost its supply), or aborts saying why not. */
    default void zeroImu() {
        Assumptions.abort(name() + " cannot zero a real IMU's registers: this check runs on the emulated Pi");
    }

    /** The bed's angle as the jig's own plant has moved it, or aborts where the bed does not move (a fixed wedge, the mocks' pose). */
    default double bedAngleDeg() {
        Assumptions.abort(name() + " has no plant that moves the bed: this check runs on the emulated Pi");
        return Double.NaN;
    }

    /**
     * How many times slower than the machine's clock the table's time runs on this jig: 1 on a real
     * Pi and on the mocks; the emulated Pi's declared scale under TCG ({@link TimeScale}).
     */
    default TimeScale timeScale() {
        return TimeScale.REAL;
    }

    /**
     * True when the latencies measured on this jig are physical (a real Pi): only then are they
     * judged against a bound. Pi4J's mocks fire listeners synchronously, and an emulated Pi under
     * TCG is not real-time: there they are reported only.
     */
    boolean timingIsPhysical();

    /** The configuration keys that make a controller's pins match this jig's wires. */
    Map<ConfigKey, String> wiring();

    /** The default configuration with {@link #wiring()} applied. */
    default Config wiredConfig() {
        return Config.defaults().with(wiring());
    }

    /** Starts the controller in this JVM on the near side of the wires; close it before the jig. */
    TableUnderTest bootTable(Config config);

    /** Lets go of every line the jig drives. */
    @Override
    void close();
}

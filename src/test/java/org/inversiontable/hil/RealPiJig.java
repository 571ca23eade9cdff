package org.inversiontable.hil;

import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.IoIds;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.inversiontable.hardware.pi4j.Pi4jTableHardware;
import org.inversiontable.runtime.TimeScale;
import org.inversiontable.time.SystemClock;
import org.junit.jupiter.api.Assumptions;

/**
 * Jig B of hardware/HIL-JIG.md on a real Raspberry Pi: spare GPIOs ({@link JigBPins}) drive the
 * table's inputs and read its outputs through Pi4J's gpiod provider; the PWM duty is read from the
 * sysfs channel the controller drives (20 kHz is too fast for edge events); the IMU is a real
 * MPU-6050 on I2C bus 1, lying on one of the angle wedges.
 *
 * <p>One Pi4J context serves the jig and the controller under test: Pi4J 3.0.3's gpiod keeps one
 * chip per JVM ({@code GpioDContext.getInstance()}), and shutting down any context releases every
 * line of it. The controller's I/O is therefore removed by id when its table closes, and the
 * context is shut down by the jig, last.
 *
 * <p>System properties: {@code hil.imu.wedge.deg} (default -65) the wedge the IMU lies on;
 * {@code hil.relay} = {@code fitted} (default) or {@code none}, the watchdog relay board.
 *
 * <p>Confined to the test's thread (Pi4J's listener threads never call into it).
 */
public final class RealPiJig implements Jig {
    static final String WEDGE_PROPERTY = "hil.imu.wedge.deg";
    static final String RELAY_PROPERTY = "hil.relay";
    /** How far the requested pose may be from the wedge the operator declared. */
    private static final double POSE_TOLERANCE_DEG = 0.5;
    private static final List<String> TABLE_IO_IDS = List.of(IoIds.MOTOR_ENABLE, IoIds.MOTOR_PWM, IoIds.MOTOR_DIR,
            IoIds.WATCHDOG, IoIds.LED, IoIds.BUZZER, IoIds.ESTOP, IoIds.HOME_SWITCH, IoIds.BUTTON_UP,
            IoIds.BUTTON_DOWN, IoIds.BUTTON_HOME, IoIds.BUTTON_PRESET, IoIds.BUTTON_STOP, IoIds.IMU);

    private final Context ctx;
    private final String boardModel;
    private final int pwmChannel;
    private final Path pwmDir;
    private final double wedgeDeg;
    private final boolean relayFitted;
    private final JigDriveLine estop;
    private final JigDriveLine homeSwitch;
    private final Map<Button, JigDriveLine> buttons = new EnumMap<>(Button.class);
    private final DigitalInput enable;
    private final DigitalInput dir;
    private final DigitalInput watchdog;
    private final DigitalInput contactors;
    private TableUnderTest table;

    RealPiJig(String boardModel) {
        this.boardModel = boardModel;
        this.wedgeDeg = Double.parseDouble(System.getProperty(WEDGE_PROPERTY, "-65"));
        this.relayFitted = !"none".equals(System.getProperty(RELAY_PROPERTY, "fitted"));
        // PINMAP.md: BCM 18 is PWM channel 0 on a Pi 4, channel 2 on the RP1 of a Pi 5.
        this.pwmChannel = BoardInfoHelper.usesRP1() ? 2 : 0;
        this.pwmDir = Path.of("/sys/class/pwm/pwmchip" + BoardInfoHelper.getPwmChipAddress(), "pwm" + pwmChannel);
        this.ctx = Pi4jContexts.onPi();
        try {
            // The contacts as a table at rest has them: e-stop closed, bed at home, buttons released.
            estop = new JigDriveLine(ctx, "jig-estop", JigBPins.ESTOP_DRIVE, DigitalState.LOW);
            homeSwitch = new JigDriveLine(ctx, "jig-home-switch", JigBPins.HOME_SWITCH_DRIVE, DigitalState.HIGH);
            buttons.put(Button.UP, new JigDriveLine(ctx, "jig-up", JigBPins.BUTTON_UP_DRIVE, DigitalState.HIGH));
            buttons.put(Button.DOWN, new JigDriveLine(ctx, "jig-down", JigBPins.BUTTON_DOWN_DRIVE, DigitalState.HIGH));
            buttons.put(Button.STOP, new JigDriveLine(ctx, "jig-stop", JigBPins.BUTTON_STOP_DRIVE, DigitalState.HIGH));
            enable = sense("jig-enable", JigBPins.ENABLE_SENSE, PullResistance.PULL_DOWN);
            dir = sense("jig-dir", JigBPins.DIR_SENSE, PullResistance.PULL_DOWN);
            watchdog = sense("jig-watchdog", JigBPins.WATCHDOG_SENSE, PullResistance.PULL_DOWN);
            contactors = sense("jig-contactors", JigBPins.CONTACTORS_SENSE, PullResistance.PULL_DOWN);
        } catch (RuntimeException e) {
            ctx.shutdown();
            throw e;
        }
    }

    private DigitalInput sense(String id, int bcm, PullResistance pull) {
        return ctx.create(DigitalInput.newConfigBuilder(ctx).id(id).address(bcm).pull(pull).debounce(0L));
    }

    @Override
    public String name() {
        return "jig B (loop-back wires) on a " + boardModel + ", PWM channel " + pwmChannel
                + ", IMU on the " + wedgeDeg + " deg wedge, watchdog relay " + (relayFitted ? "fitted" : "not fitted");
    }

    @Override
    public void setEstop(EstopContact contact) {
        switch (contact) {
            case CLOSED -> estop.drive(DigitalState.LOW);
            case OPEN -> estop.drive(DigitalState.HIGH);
            case WIRE_BROKEN -> estop.release();
        }
    }

    @Override
    public void setHomeSwitchAtHome(boolean atHome) {
        homeSwitch.drive(atHome ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    public Set<Button> drivableButtons() {
        return buttons.keySet();
    }

    @Override
    public void setButtonPressed(Button button, boolean pressed) {
        JigDriveLine line = buttons.get(button);
        Assumptions.assumeTrue(line != null, () -> "jig B has no loop-back wire to the " + button
                + " button (hardware/HIL.md): this check needs jig A or the emulated Pi");
        line.drive(pressed ? DigitalState.LOW : DigitalState.HIGH);
    }

    @Override
    public boolean enableHigh() {
        return enable.state() == DigitalState.HIGH;
    }

    @Override
    public boolean dirTowardInversion() {
        return dir.state() == DigitalState.HIGH;
    }

    @Override
    public double dutyFraction() {
        return PwmStandIn.dutyFraction(pwmDir);
    }

    @Override
    public boolean watchdogHigh() {
        return watchdog.state() == DigitalState.HIGH;
    }

    @Override
    public RelayState relay() {
        if (!relayFitted) {
            return RelayState.NOT_FITTED;
        }
        // U3 1Q stands in for the contactors, with RELAY_AUX's polarity: HIGH = in (JigBPins).
        return contactors.state() == DigitalState.HIGH ? RelayState.ENERGIZED : RelayState.DROPPED;
    }

    @Override
    public void poseImu(ImuPose pose) {
        Assumptions.assumeTrue(pose.atRestUnderOneG(), () -> "a real MPU-6050 at rest measures 1 g and cannot be made"
                + " to show " + pose.gravityG() + " g: this check runs on the mocks and the emulated Pi");
        Assumptions.assumeTrue(Math.abs(pose.angleDeg() - wedgeDeg) <= POSE_TOLERANCE_DEG, () -> "the IMU lies on the "
                + wedgeDeg + " deg wedge (-D" + WEDGE_PROPERTY + "); this check needs it at " + pose.angleDeg()
                + " deg: put it on that wedge and run again with -D" + WEDGE_PROPERTY + "=" + pose.angleDeg());
    }

    @Override
    public boolean timingIsPhysical() {
        return true;
    }

    @Override
    public Map<ConfigKey, String> wiring() {
        return JigBPins.wiring(pwmChannel, relayFitted);
    }

    @Override
    public TableUnderTest bootTable(Config config) {
        if (table != null) {
            table.close();
        }
        Pi4jTableHardware hardware = Pi4jTableHardware.create(ctx, PinMap.from(config), new SystemClock());
        table = new RealTimeTable(config, hardware.hardware(), this::removeTableIo, TimeScale.REAL);
        return table;
    }

    /** The controller's own I/O to its shutdown states (ENABLE first), the jig's lines kept. */
    private void removeTableIo() {
        for (String id : TABLE_IO_IDS) {
            if (ctx.registry().exists(id)) {
                ctx.registry().remove(id);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (table != null) {
                table.close();
            }
        } finally {
            ctx.shutdown();
        }
    }
}

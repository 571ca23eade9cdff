package org.inversiontable.pi;

import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.inversiontable.safety.HomeSwitchConsistency;

/**
 * The HOME end-stop agrees with the measured angle, judged with the supervisor's own band
 * ({@link HomeSwitchConsistency}): "at home" no more than {@value
 * HomeSwitchConsistency#AT_HOME_ABOVE_HOME_MAX_DEG} deg above home, "away" no more than {@value
 * HomeSwitchConsistency#NOT_HOME_BELOW_HOME_MIN_DEG} deg below it. A switch that disagrees at
 * start would latch {@code home_switch_disagree} half a second into the run.
 */
public final class HomeSwitchCheck implements SelfTestCheck {
    private final BooleanSupplier switchOpen;
    private final Supplier<OptionalDouble> measuredAngleDeg;
    private final double homeDeg;
    private final int pin;

    public HomeSwitchCheck(BooleanSupplier switchOpen, Supplier<OptionalDouble> measuredAngleDeg, double homeDeg,
            int pin) {
        this.switchOpen = switchOpen;
        this.measuredAngleDeg = measuredAngleDeg;
        this.homeDeg = homeDeg;
        this.pin = pin;
    }

    @Override
    public String part() {
        return "HOME switch";
    }

    @Override
    public CheckResult run() {
        boolean atHome = switchOpen.getAsBoolean();
        OptionalDouble angle = measuredAngleDeg.get();
        String reads = atHome ? "reads 'at home' (open)" : "reads 'away' (closed)";
        if (angle.isEmpty()) {
            return CheckResult.failed("it " + reads + ", but without a good IMU angle it cannot be checked: fix the IMU first");
        }
        double a = angle.getAsDouble();
        String where = String.format(java.util.Locale.ROOT, " at a measured %.1f deg (home is %.1f deg)", a, homeDeg);
        if (atHome && a > homeDeg + HomeSwitchConsistency.AT_HOME_ABOVE_HOME_MAX_DEG) {
            return CheckResult.failed("it " + reads + where + ": a broken wire to BCM " + pin + " (pin_home_switch) or a"
                    + " switch stuck open. Check the switch and its cable; check imu_offset_deg if the angle is wrong");
        }
        if (!atHome && a < homeDeg - HomeSwitchConsistency.NOT_HOME_BELOW_HOME_MIN_DEG) {
            return CheckResult.failed("it " + reads + where + ": the bed does not open the switch at home. Adjust the"
                    + " switch so that the bed pushes it open at home, or check home_deg and imu_offset_deg");
        }
        return CheckResult.passed("it " + reads + where);
    }
}

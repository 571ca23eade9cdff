package org.inversiontable.simulator;

import org.inversiontable.control.TableState;

/**
 * What the simulator shows at one instant, as one immutable value: the UI thread reads the
 * latest one and never touches the controller or the table itself.
 *
 * @param timeS           seconds since the simulator started
 * @param angleTrueDeg    the table's true angle (the simulation knows it; the controller does not)
 * @param angleMeasDeg    the controller's accepted sample, NaN when it has none
 * @param state           the controller's state
 * @param invertedS       inverted time of this session so far
 * @param limitInvertedS  the inverted-time limit in force (the budget's full bar)
 * @param limitAngleDeg   the angle limit in force
 * @param duty            signed duty on the H-bridge's wires (positive toward inversion)
 * @param motorEnabled    the H-bridge's enable line
 * @param motorPowered    the external watchdog relay holds motor power
 * @param ledOn           the status LED now
 * @param buzzerOn        the buzzer now
 * @param estopPressed    the e-stop mushroom is latched down (by the user)
 * @param buttonsMask     the buttons held now, one {@code Button.bit()} each
 * @param faultCode       null, or the fault code in force ({@code imu_stale})
 * @param message         null, or the latest warning, fault or event in words for a person
 * @param userKg          the simulated user's weight
 * @param injected        the faults injected into the simulated table now, one bit per
 *                        {@link InjectableFault#ordinal()}
 */
public record SimulatorStatus(double timeS, double angleTrueDeg, double angleMeasDeg, TableState state,
                              double invertedS, double limitInvertedS, double limitAngleDeg, double duty,
                              boolean motorEnabled, boolean motorPowered, boolean ledOn, boolean buzzerOn,
                              boolean estopPressed, int buttonsMask, String faultCode, String message,
                              double userKg, int injected) {

    /** The part of the inverted-time budget left, 0..1. */
    public double budgetLeftFraction() {
        if (limitInvertedS <= 0) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, 1.0 - invertedS / limitInvertedS));
    }

    public boolean injected(InjectableFault fault) {
        return (injected & (1 << fault.ordinal())) != 0;
    }
}

package org.inversiontable.display;

import org.inversiontable.control.TableState;
import org.inversiontable.safety.FaultCode;

/**
 * What the table's display shows at one instant (SPEC §13), as one immutable value: the display
 * thread renders it and never touches the controller.
 *
 * <pre>{@code
 * DisplayStatus s = new DisplayStatus(18.4, 75.0, 180.0, TableState.HOLDING, null, "ANNA", 3);
 * s.secondsLeft();   // 105.0: shown as 1:45
 * }</pre>
 *
 * @param angleMeasDeg   the controller's accepted angle sample, NaN when it has none (never a zero
 *                       that would read as a flat table)
 * @param invertedS      inverted time of this session so far (s)
 * @param limitInvertedS the inverted-time limit in force (s): the bar's full length
 * @param state          the controller's state
 * @param fault          null, or the fault in force (a latched fault or a stuck-button report)
 * @param profileName    null when no profile is configured, otherwise the profile in force
 * @param levelIndex     the progression level n >= 0, or {@link #NO_LEVEL} when the profile has no
 *                       progression (or there is no profile)
 */
public record DisplayStatus(double angleMeasDeg, double invertedS, double limitInvertedS, TableState state,
                            FaultCode fault, String profileName, int levelIndex) {
    /** The level index when there is none to show. */
    public static final int NO_LEVEL = -1;

    public DisplayStatus {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (!(invertedS >= 0) || Double.isInfinite(invertedS)) {
            throw new IllegalArgumentException("invertedS must be finite and >= 0, was " + invertedS);
        }
        if (!(limitInvertedS >= 0) || Double.isInfinite(limitInvertedS)) {
            throw new IllegalArgumentException("limitInvertedS must be finite and >= 0, was " + limitInvertedS);
        }
        if (Double.isInfinite(angleMeasDeg)) {
            throw new IllegalArgumentException("angleMeasDeg must be finite or NaN (no sample), was " + angleMeasDeg);
        }
        if (levelIndex < NO_LEVEL) {
            throw new IllegalArgumentException("levelIndex must be >= 0, or -1 for none, was " + levelIndex);
        }
    }

    /** Inverted time left in this session (s): the limit less the time so far, never negative. */
    public double secondsLeft() {
        return Math.max(0.0, limitInvertedS - invertedS);
    }

    /** The share of the limit left, 0..1 (0 when the limit is 0). */
    public double shareLeft() {
        return limitInvertedS <= 0 ? 0.0 : Math.min(1.0, secondsLeft() / limitInvertedS);
    }

    /** True when the sample is missing: the display shows "--", never a number. */
    public boolean angleMissing() {
        return Double.isNaN(angleMeasDeg);
    }
}

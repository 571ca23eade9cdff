package org.inversiontable.scenario;

import java.util.Locale;
import java.util.Objects;
import org.inversiontable.sim.ImuFault;

/**
 * An injected IMU fault. {@code param} is the noise sigma (deg, > 0) for {@link ImuFault#NOISE},
 * the offset (deg, non-zero) for {@link ImuFault#SPIKE}, and 0 for the kinds without one, so that
 * a stray value never looks meaningful.
 */
public record ImuFaultAction(ImuFault kind, double param) implements Action {
    public ImuFaultAction {
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(param)) {
            throw new IllegalArgumentException("param must be finite, got " + param);
        }
        switch (kind) {
            case NOISE -> {
                if (param <= 0) {
                    throw new IllegalArgumentException("param (noise sigma, deg) must be > 0, got " + param);
                }
            }
            case SPIKE -> {
                if (param == 0) {
                    throw new IllegalArgumentException("param (spike offset, deg) must not be 0");
                }
            }
            default -> {
                if (param != 0) {
                    throw new IllegalArgumentException("param must be 0 for " + kind + ", got " + param);
                }
            }
        }
    }

    /** A fault kind that takes no parameter. */
    public static ImuFaultAction of(ImuFault kind) {
        return new ImuFaultAction(kind, 0);
    }

    @Override
    public String describe() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case NOISE, SPIKE -> "fault imu " + name + " " + param;
            default -> "fault imu " + name;
        };
    }
}

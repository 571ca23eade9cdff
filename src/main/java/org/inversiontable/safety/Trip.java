package org.inversiontable.safety;

/**
 * A detector's verdict that a fault condition holds on this tick: the code and a cause a person
 * can act on (what was seen, against which limit). Detectors return {@code null} when nothing is
 * wrong; the supervisor hands a trip to {@link FaultLatch#trip(Trip, long)}.
 */
public record Trip(FaultCode code, String cause) {
    public Trip {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        if (cause == null || cause.isBlank()) {
            throw new IllegalArgumentException("cause must not be blank");
        }
    }
}

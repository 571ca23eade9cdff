package org.inversiontable.calibration;

import java.util.function.Supplier;

/** The machine is not a Raspberry Pi that Pi4J recognizes: calibrate has no sensor to measure. */
public final class NotOnAPi extends Exception {
    private static final long serialVersionUID = 1L;

    public NotOnAPi(String reason) {
        super(reason);
    }

    /**
     * Runs the Pi's context factory, turning its refusal into this exception. The integrator's
     * rig opener starts with {@code Context ctx = NotOnAPi.unless(Pi4jContexts::onPi);}, so that
     * the detection is {@code Pi4jContexts}' own (board model, no-op providers refused) and Pi4J's
     * types stay in hardware.pi4j.
     */
    public static <T> T unless(Supplier<T> onPi) throws NotOnAPi {
        try {
            return onPi.get();
        } catch (IllegalStateException e) {
            throw new NotOnAPi(e.getMessage());
        }
    }
}

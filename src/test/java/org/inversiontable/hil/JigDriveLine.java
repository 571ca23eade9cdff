package org.inversiontable.hil;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/**
 * One jig wire that plays a contact: driven LOW or HIGH, or let go (a cut wire). Letting go means
 * asking for the line as an input without bias: on a Raspberry Pi kernel a released output keeps
 * driving its last level (PI4J-NOTES), so releasing alone would not float it.
 *
 * <p>Confined to the test's thread.
 */
final class JigDriveLine {
    private final Context ctx;
    private final String id;
    private final int bcm;
    private boolean floating;

    JigDriveLine(Context ctx, String id, int bcm, DigitalState initial) {
        this.ctx = ctx;
        this.id = id;
        this.bcm = bcm;
        createOutput(initial);
    }

    void drive(DigitalState state) {
        if (floating) {
            ctx.registry().remove(id);
            floating = false;
            createOutput(state);
        } else {
            ctx.registry().get(id, DigitalOutput.class).state(state);
        }
    }

    void release() {
        if (floating) {
            return;
        }
        ctx.registry().remove(id);
        ctx.create(DigitalInput.newConfigBuilder(ctx).id(id).address(bcm).pull(PullResistance.OFF).debounce(0L));
        floating = true;
    }

    private void createOutput(DigitalState state) {
        // Shut down to HIGH: every contact open (e-stop reads stop, buttons released) when the jig lets go.
        ctx.create(DigitalOutput.newConfigBuilder(ctx).id(id).address(bcm).initial(state).shutdown(DigitalState.HIGH));
    }
}

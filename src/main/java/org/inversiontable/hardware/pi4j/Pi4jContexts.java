package org.inversiontable.hardware.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.plugin.raspberrypi.RaspberryPi;
import com.pi4j.provider.Provider;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;

/**
 * The two Pi4J contexts this program runs in, each built from an explicit list of providers.
 *
 * <pre>{@code
 * Context ctx = Pi4jContexts.onPi();                   // run: gpiod + linuxfs, or a clear refusal
 * Context sim = Pi4jContexts.simulated(fakeI2c);       // tests, simulate, scenario
 * }</pre>
 *
 * <p>Never {@code Pi4J.newAutoContext()}: with the mock jar on the class path it silently picks
 * the mocks, and on a Pi with a plugin missing it silently falls back to the raspberrypi
 * plugin's no-op providers, whose I2C reads return 0 and whose PWM only flips a flag: a table
 * that believes it moves a motor it does not drive.
 */
public final class Pi4jContexts {
    /** Provider ids of the raspberrypi plugin's no-op stand-ins: "raspberrypi-digital-input", ... */
    static final String NO_OP_PROVIDER_PREFIX = RaspberryPi.ID + "-";

    private Pi4jContexts() {
    }

    /** The board this program runs on, as Pi4J detects it. */
    public record Board(String model, boolean usesRp1) {
    }

    /**
     * The Raspberry Pi model, or empty when this machine is not a Raspberry Pi that Pi4J 3.0.3
     * recognizes (a desktop: {@code run} refuses and points to {@code simulate}).
     */
    public static java.util.Optional<Board> board() {
        if (!BoardInfoHelper.runningOnRaspberryPi()) {
            return java.util.Optional.empty();
        }
        var model = BoardInfoHelper.current().getBoardModel();
        return java.util.Optional.of(new Board(model.getLabel(), model.usesRP1()));
    }

    /** Pi4J's mock digital I/O and PWM, with the project's register-level I2C fake. */
    public static Context simulated(FakeI2CProvider i2c) {
        if (i2c == null) {
            throw new IllegalArgumentException("i2c must not be null");
        }
        return Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance(),
                        i2c)
                .build();
    }

    /**
     * The real Pi: gpiod digital I/O (Pi 4 and Pi 5), linuxfs hardware PWM and linuxfs I2C. The
     * PWM chip is found as the linuxfs plugin finds it (RP1 on a Pi 5, chip 0 before).
     *
     * @throws IllegalStateException when the context ends up on a no-op provider
     */
    public static Context onPi() {
        // gpiod in Pi4J 3.0.3 cannot open a chip on a board model it does not know; say so here
        // rather than with its "No gpio chip yet initialized!" at the first pin.
        if (!BoardInfoHelper.runningOnRaspberryPi()) {
            throw new IllegalStateException("This machine is not a Raspberry Pi that Pi4J 3.0.3 recognizes"
                    + " (board model unknown): 'run' drives real pins through gpiod and linuxfs."
                    + " On a desktop, use 'simulate'.");
        }
        int pwmChip = BoardInfoHelper.getPwmChipAddress();
        Context ctx = Pi4J.newContextBuilder()
                .add(GpioDDigitalInputProvider.newInstance(),
                        GpioDDigitalOutputProvider.newInstance(),
                        LinuxFsPwmProvider.newInstance(pwmChip),
                        LinuxFsI2CProvider.newInstance())
                .build();
        try {
            refuseNoOpProviders(ctx);
        } catch (RuntimeException e) {
            ctx.shutdown();
            throw e;
        }
        return ctx;
    }

    /**
     * Refuses a context that has, or created I/O through, one of the raspberrypi no-op
     * providers.
     *
     * @throws IllegalStateException naming the provider and what to install
     */
    public static void refuseNoOpProviders(Context ctx) {
        for (Provider<?, ?, ?> provider : ctx.providers().all().values()) {
            refuseNoOp(provider.id(), "is loaded");
        }
        for (IO<?, ?, ?> io : ctx.registry().all().values()) {
            refuseNoOp(io.provider().id(), "drives I/O '" + io.id() + "'");
        }
    }

    private static void refuseNoOp(String providerId, String what) {
        if (providerId != null && providerId.startsWith(NO_OP_PROVIDER_PREFIX)) {
            throw new IllegalStateException("Pi4J provider '" + providerId + "' " + what
                    + ": it is a no-op stand-in (I2C reads 0, PWM does nothing) and cannot drive the table."
                    + " Install pi4j-plugin-gpiod and pi4j-plugin-linuxfs 3.0.3 and run on a Raspberry Pi.");
        }
    }
}

package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.raspberrypi.provider.gpio.digital.RpiDigitalOutputProvider;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

class Pi4jContextsTest {
    @Test
    void onPiRefusesAMachineThatIsNotAPi() {
        assumeFalse(BoardInfoHelper.runningOnRaspberryPi(), "running on a Raspberry Pi");
        IllegalStateException e = assertThrows(IllegalStateException.class, Pi4jContexts::onPi);
        assertTrue(e.getMessage().contains("simulate"), e.getMessage());
    }

    @Test
    void aLoadedNoOpProviderIsRefusedEvenBeforeItDrivesAnything() {
        Context ctx = Pi4J.newContextBuilder().add(RpiDigitalOutputProvider.newInstance()).build();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Pi4jContexts.refuseNoOpProviders(ctx));
            assertTrue(e.getMessage().contains("raspberrypi-digital-output"), e.getMessage());
        } finally {
            ctx.shutdown();
        }
    }

    @Test
    void theSimulatedContextPassesTheNoOpCheck() {
        Context ctx = Pi4jContexts.simulated(new FakeI2CProvider());
        try {
            Pi4jContexts.refuseNoOpProviders(ctx);
        } finally {
            ctx.shutdown();
        }
    }

    @Test
    void anIoThatCannotBeOpenedIsNamedWithItsPinAndTheContextShutDown() {
        // No PWM provider: the PWM cannot be created.
        Context ctx = Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        new FakeI2CProvider())
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Pi4jTableHardware.create(ctx, PinMap.from(Config.defaults()), new ManualClock(0)));
        assertTrue(e.getMessage().contains("'motor-pwm'") && e.getMessage().contains("channel 0"), e.getMessage());
        assertTrue(ctx.isShutdown());
    }
}

package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.Optional;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The polarity of RELAY_AUX at the wire, as hardware/WIRING.md §4.3 fixes it: LOW = K1 and K3 both
 * dropped (mirror contacts closed, U4 lit), HIGH = either in or welded, or the read-back broken.
 */
class TableProbeReadBackTest {
    private final PinMap pins = PinMap.from(Config.defaults());
    private final Context ctx =
            Pi4jContexts.simulated(new FakeI2CProvider().attach(pins.i2cBus(), pins.i2cAddress(), new FakeMpu6050()));
    private final Pi4jTableHardware table =
            Pi4jTableHardware.create(ctx, pins, new ManualClock(0), new Pi4jTableHardware.Options(4, Optional.empty()));

    @AfterEach
    void close() {
        table.close();
    }

    private MockDigitalInput relayAuxLine() {
        return ctx.registry().get(IoIds.RELAY_AUX, MockDigitalInput.class);
    }

    @Test
    void relayAuxLowMeansTheContactorsHaveDropped() {
        relayAuxLine().mockState(DigitalState.LOW);
        assertTrue(table.probe().contactorsDropped());
    }

    @Test
    void relayAuxHighMeansNotDroppedSoABrokenReadBackNeverPassesForADrop() {
        relayAuxLine().mockState(DigitalState.HIGH);
        assertFalse(table.probe().contactorsDropped());
    }

    @Test
    void theSimulatedWiringDrivesTheSameLevels() {
        table.simulatedWiring().setContactorsDropped(true);
        assertEquals(DigitalState.LOW, relayAuxLine().state());
        table.simulatedWiring().setContactorsDropped(false);
        assertEquals(DigitalState.HIGH, relayAuxLine().state());
    }
}

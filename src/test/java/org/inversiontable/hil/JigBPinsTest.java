package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.pi.RunWiring;
import org.junit.jupiter.api.Test;

/**
 * Jig B's wires (hardware/HIL-JIG.md) against the table's pins (PINMAP.md, config/example.conf):
 * a jig output on a table input's pin would fight it, so every jig pin must be free on the table.
 * Runs in every build: a wrong pin is found here, not on the jig.
 */
class JigBPinsTest {
    private static final List<Integer> JIG_PINS = List.of(JigBPins.ESTOP_DRIVE, JigBPins.HOME_SWITCH_DRIVE,
            JigBPins.BUTTON_UP_DRIVE, JigBPins.BUTTON_DOWN_DRIVE, JigBPins.BUTTON_STOP_DRIVE, JigBPins.ENABLE_SENSE,
            JigBPins.DIR_SENSE, JigBPins.WATCHDOG_SENSE, JigBPins.CONTACTORS_SENSE);

    @Test
    void noJigPinIsATablePinOrTheI2cBusOrTheHatEeprom() {
        Config config = Config.defaults().with(JigBPins.wiring(0, true));
        Map<Integer, String> tablePins = new HashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (key.key().startsWith("pin_") || key == ConfigKey.RELAY_AUX_PIN) {
                tablePins.put(config.integer(key), key.key());
            }
        }
        for (int jigPin : JIG_PINS) {
            assertTrue(jigPin > 3, "jig pin BCM " + jigPin + " is one of BCM 0-3 (HAT EEPROM, I2C)");
            assertTrue(!tablePins.containsKey(jigPin), "jig pin BCM " + jigPin + " is the table's " + tablePins.get(jigPin));
        }
        assertEquals(JIG_PINS.size(), JIG_PINS.stream().distinct().count(), "two jig wires on one pin: " + JIG_PINS);
    }

    @Test
    void withTheRelayBoardFittedTheWiredConfigSetsRelayAuxToTheTablesPinSoRunProvesTheDrop() {
        Config config = Config.defaults().with(JigBPins.wiring(2, true));
        assertEquals(4, config.integer(ConfigKey.RELAY_AUX_PIN));
        assertEquals(4, RunWiring.from(config).relayAuxPin(), "run accepts the jig's RELAY_AUX without a collision");
        assertEquals(2, config.integer(ConfigKey.PWM_MOTOR_CHANNEL));
    }

    @Test
    void withoutTheRelayBoardRelayAuxIsNotWired() {
        assertEquals(0, Config.defaults().with(JigBPins.wiring(0, false)).integer(ConfigKey.RELAY_AUX_PIN));
    }
}

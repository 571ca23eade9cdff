package org.inversiontable.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.junit.jupiter.api.Test;

class PinMapTest {
    @Test
    void readsEveryKeyFromTheConfiguration() {
        Config config = Config.defaults().with(Map.of(
                ConfigKey.PIN_ESTOP, "4",
                ConfigKey.PWM_MOTOR_CHANNEL, "3",
                ConfigKey.PWM_MOTOR_FREQUENCY_HZ, "25000",
                ConfigKey.INPUT_DEBOUNCE_MS, "15",
                ConfigKey.I2C_ADDRESS, "105",
                ConfigKey.IMU_AXIS_ALONG, "-y",
                ConfigKey.IMU_AXIS_NORMAL, "x",
                ConfigKey.IMU_OFFSET_DEG, "1.5",
                ConfigKey.IMU_ACCEL_RANGE_G, "8"));
        PinMap pins = PinMap.from(config);
        assertEquals(4, pins.estopPin());
        assertEquals(27, pins.homeSwitchPin());
        assertEquals(3, pins.pwmChannel());
        assertEquals(25000, pins.pwmFrequencyHz());
        assertEquals(15_000_000L, pins.debounceNanos());
        assertEquals(0x69, pins.i2cAddress());
        assertEquals(new ImuMounting(Axis.MINUS_Y, Axis.X, 1.5, 8), pins.imu());
    }

    @Test
    void defaultsAreAValidMap() {
        PinMap pins = PinMap.from(Config.defaults());
        assertEquals(ImuMounting.DEFAULT, pins.imu());
        assertEquals(0x68, pins.i2cAddress());
    }

    @Test
    void twoFunctionsOnOnePinAreRefusedNamingBoth() {
        Config config = Config.defaults().with(ConfigKey.PIN_BUTTON_UP, "17");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinMap.from(config));
        assertTrue(e.getMessage().contains("buttonUpPin") && e.getMessage().contains("estopPin"), e.getMessage());
    }

    @Test
    void impossibleMountingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImuMounting(Axis.X, Axis.X, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new ImuMounting(Axis.X, Axis.MINUS_X, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new ImuMounting(Axis.X, null, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Axis.parse("w"));
        assertThrows(IllegalArgumentException.class, () -> new ImuMounting(Axis.X, Axis.Z, Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> new ImuMounting(Axis.X, Axis.Z, 0, 3));
    }
}

package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PWM channel of each PWM-capable GPIO, per board, and the chip a Pi 5 has it on. */
class PwmBlockTest {
    @TempDir
    Path pwmClass;

    @Test
    void onAPi3Or4Bcm12And18AreChannel0And13And19Channel1() {
        PwmBlock pi4 = PwmBlock.of(false);
        assertEquals(PwmBlock.BCM2711, pi4);
        assertEquals(0, pi4.channelOf(12));
        assertEquals(0, pi4.channelOf(18));
        assertEquals(1, pi4.channelOf(13));
        assertEquals(1, pi4.channelOf(19));
        assertEquals(0, pi4.chip(pwmClass));
    }

    @Test
    void onAPi5Rp1HasOneChannelPerPin() {
        PwmBlock pi5 = PwmBlock.of(true);
        assertEquals(PwmBlock.RP1, pi5);
        assertEquals(0, pi5.channelOf(12));
        assertEquals(1, pi5.channelOf(13));
        assertEquals(2, pi5.channelOf(18));
        assertEquals(3, pi5.channelOf(19));
    }

    @Test
    void aPinWithoutHardwarePwmIsRefusedNamingTheBoardAndThePins() {
        for (PwmBlock block : PwmBlock.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> block.channelOf(17));
            assertTrue(e.getMessage().contains("BCM 17") && e.getMessage().contains("12, 13, 18 or 19")
                    && e.getMessage().contains(block.boardName()), e.getMessage());
        }
    }

    @Test
    void onAPi5TheChipIsTheOneLinkedToRp1sPwm0() throws IOException {
        Path devices = Files.createDirectories(pwmClass.resolve("devices"));
        Path rp1 = Files.createDirectories(devices.resolve("1f00098000.pwm/pwm/pwmchip0"));
        Path other = Files.createDirectories(devices.resolve("1f0009c000.other/pwm/pwmchip1"));
        Path classDir = Files.createDirectories(pwmClass.resolve("class"));
        Files.createSymbolicLink(classDir.resolve("pwmchip0"), rp1);
        Files.createSymbolicLink(classDir.resolve("pwmchip1"), other);
        assertEquals(0, PwmBlock.RP1.chip(classDir), "6.12 kernels: pwmchip0");
    }

    @Test
    void onAPi5WithNothingToSayTheChipIsTwo() {
        assertEquals(2, PwmBlock.RP1.chip(pwmClass.resolve("absent")));
    }
}

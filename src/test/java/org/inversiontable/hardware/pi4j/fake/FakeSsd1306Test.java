package org.inversiontable.hardware.pi4j.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake controller's protocol, seen through Pi4J's I2C interface, independent of the driver. */
class FakeSsd1306Test {
    private final FakeSsd1306 chip = new FakeSsd1306();
    private final Context ctx = Pi4J.newContextBuilder().add(new FakeI2CProvider().attach(1, 0x3C, chip)).build();
    private final I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("oled").bus(1).device(0x3C));

    @AfterEach
    void shutDown() {
        ctx.shutdown();
    }

    private void send(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        i2c.write(b, 0, b.length);
    }

    private void lightUpright() {
        send(0x00, 0x8D, 0x14, 0xA1, 0xC8, 0xAF);
    }

    @Test
    void resetIsPageModeDarkWithoutTheChargePump() {
        assertEquals(2, chip.addressingMode());
        assertFalse(chip.displayOn());
        send(0x00, 0xAF);
        send(0x40, 0xFF);
        assertEquals(0, chip.visibleFrame()[127], "no charge pump, no light");
    }

    @Test
    void horizontalModeWrapsFromColumnEndToTheNextPage() {
        lightUpright();
        send(0x00, 0x20, 0x00);
        send(0x00, 0x21, 126, 127);
        send(0x00, 0x22, 2, 3);
        send(0x40, 0x01, 0x02, 0x03, 0x04, 0x05);
        byte[] ram = chip.gddram();
        assertEquals(0x02, ram[2 * 128 + 127]);
        assertEquals(0x03, ram[3 * 128 + 126]);
        assertEquals(0x04, ram[3 * 128 + 127]);
        assertEquals(0x05, ram[2 * 128 + 126], "past the last page it starts again at the window's first");
        assertEquals(List.of(), chip.problems());
    }

    @Test
    void verticalModeWalksDownTheColumn() {
        send(0x00, 0x20, 0x01, 0x21, 5, 6);
        send(0x00, 0x22, 0, 1);
        send(0x40, 0x11, 0x22, 0x33);
        byte[] ram = chip.gddram();
        assertEquals(0x11, ram[5]);
        assertEquals(0x22, ram[128 + 5]);
        assertEquals(0x33, ram[6]);
    }

    @Test
    void pageModeTakesTheColumnFromTwoNibblesAndThePageFromB0() {
        send(0x00, 0xB4, 0x0A, 0x12);
        send(0x40, 0x77);
        assertEquals(0x77, chip.gddram()[4 * 128 + 0x2A]);
    }

    @Test
    void aSingleCommandControlByteIsFollowedByAnotherControlByte() {
        send(0x80, 0xAF, 0x80, 0x8D, 0x80, 0x14, 0x40, 0xFF);
        assertTrue(chip.displayOn());
        assertTrue(chip.chargePumpOn());
        assertEquals((byte) 0xFF, chip.gddram()[0]);
        assertEquals(List.of(), chip.problems());
    }

    @Test
    void theGlassShowsColumnZeroAtTheLeftOnlyWithRemapAndReversedScan() {
        lightUpright();
        send(0x00, 0x20, 0x00);
        send(0x40, 0x01);
        assertEquals(0x01, chip.visibleFrame()[0], "top-left pixel");
        send(0x00, 0xA0, 0xC0);
        assertEquals((byte) 0x80, chip.visibleFrame()[7 * 128 + 127], "unremapped: the same pixel at the bottom right");
    }

    @Test
    void unknownAndCutOffCommandsAreRecorded() {
        send(0x00, 0x26);
        send(0x00, 0x81);
        send(0x3F, 0x00);
        assertEquals(3, chip.problems().size(), chip.problems().toString());
        assertTrue(chip.problems().get(0).contains("unknown command 0x26"));
        assertTrue(chip.problems().get(1).contains("cut off"));
        assertTrue(chip.problems().get(2).contains("control byte"));
    }

    @Test
    void aFailingChipRefusesEveryTransferAndCountsNone() {
        chip.setFailing(true);
        assertThrows(IOException.class, () -> send(0x00, 0xAF));
        assertEquals(List.of(), chip.transferLengths());
        chip.setFailing(false);
        send(0x00, 0xAF);
        assertEquals(List.of(2), chip.transferLengths());
    }

    @Test
    void aReadGivesTheStatusByte() {
        assertEquals(0x40, i2c.read() & 0x40, "display off");
        send(0x00, 0xAF);
        assertEquals(0, i2c.read() & 0x40);
    }
}

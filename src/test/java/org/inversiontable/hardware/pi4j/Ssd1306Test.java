package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inversiontable.control.TableState;
import org.inversiontable.display.DisplayRenderer;
import org.inversiontable.display.DisplayStatus;
import org.inversiontable.hardware.PixelDisplay;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeSsd1306;
import org.inversiontable.safety.FaultCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The driver against the register-level fake, through Pi4J's I2C interface on the fake provider. */
class Ssd1306Test {
    private static final int BUS = 1;
    private static final int ADDRESS = 0x3C;
    private final FakeSsd1306 chip = new FakeSsd1306();
    private Pi4jDisplay display;

    private Pi4jDisplay open(int busKhz) {
        display = Pi4jDisplay.simulated(chip, BUS, ADDRESS, busKhz);
        return display;
    }

    @AfterEach
    void close() {
        if (display != null) {
            display.close();
        }
    }

    private static byte[] frame(double angleDeg, TableState state) {
        return DisplayRenderer.render(new DisplayStatus(angleDeg, 75, 180, state, null, "ANNA", 3));
    }

    @Test
    void initSetsThePanelUpAsTheDatasheetSaysAndLightsItBlank() {
        open(100).init();
        assertEquals(List.of(), chip.problems());
        assertTrue(chip.displayOn());
        assertTrue(chip.chargePumpOn(), "the modules have no panel supply but the charge pump");
        assertEquals(0, chip.addressingMode(), "horizontal");
        assertEquals(64, chip.multiplexRows());
        assertEquals(0x12, chip.comPins());
        assertEquals(0xCF, chip.contrast());
        assertTrue(chip.segmentRemapped() && chip.comScanDecrement(), "column 0 at the left, page 0 at the top");
        assertArrayEquals(new byte[PixelDisplay.FRAME_BYTES], chip.visibleFrame(), "the RAM cleared before the panel lit");
        List<Integer> commands = chip.commands();
        assertEquals(0xAE, commands.get(0), "dark while it is set up");
        assertEquals(0xAF, commands.get(commands.size() - 1), "lit last");
    }

    @Test
    void aFullFrameReadsBackAsRendered() {
        Pi4jDisplay oled = open(400);
        oled.init();
        byte[] frame = DisplayRenderer.render(new DisplayStatus(-23.6, 105, 180, TableState.FAULT,
                FaultCode.IMU_STALE, "ANNA", 3));
        oled.show(frame);
        assertArrayEquals(frame, chip.visibleFrame());
        assertEquals(List.of(), chip.problems());
    }

    @Test
    void onlyThePagesAndColumnsThatChangedAreSent() {
        Pi4jDisplay oled = open(100);
        oled.init();
        byte[] first = frame(20, TableState.HOLDING);
        oled.show(first);
        chip.clearCounts();
        oled.show(first);
        assertEquals(List.of(), chip.transferLengths(), "the same picture again sends nothing");

        byte[] second = first.clone();
        second[3 * 128 + 10] ^= 0x55;
        second[3 * 128 + 20] ^= 0x0F;
        oled.show(second);
        assertEquals(11, chip.dataBytesWritten(), "page 3, columns 10..20 only");
        assertEquals(List.of(0x21, 0x22), chip.commands(), "one window: columns, then the page");
        assertArrayEquals(second, chip.visibleFrame());
    }

    @Test
    void aChangedAngleSendsLessThanAWholeFrame() {
        Pi4jDisplay oled = open(400);
        oled.init();
        oled.show(frame(20, TableState.MOVING));
        chip.clearCounts();
        byte[] next = frame(21, TableState.MOVING);
        oled.show(next);
        assertTrue(chip.dataBytesWritten() < 3 * 128, chip.dataBytesWritten() + " bytes for a new angle");
        assertArrayEquals(next, chip.visibleFrame());
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 400})
    void noTransferHoldsTheBusAMillisecond(int busKhz) {
        Pi4jDisplay oled = open(busKhz);
        oled.init();
        oled.show(frame(-65, TableState.IDLE));
        oled.show(frame(30, TableState.HOLDING));
        int maxData = busKhz == 100 ? 8 : 32;
        assertEquals(maxData, oled.dataBytesPerTransfer());
        for (int length : chip.transferLengths()) {
            int dataBytes = length - 1;
            assertTrue(dataBytes <= maxData, length + " bytes in one transfer at " + busKhz + " kHz");
            assertTrue(Ssd1306.transferNanos(dataBytes, busKhz) <= Ssd1306.MAX_TRANSFER_NANOS,
                    length + " bytes hold the bus " + Ssd1306.transferNanos(dataBytes, busKhz) + " ns");
        }
        assertTrue(chip.transferLengths().stream().anyMatch(l -> l == maxData + 1), "full chunks are used");
    }

    @Test
    void theChunkArithmetic() {
        assertEquals(8, Ssd1306.dataBytesPerTransfer(100), "floor(900 / 90) - 2 = 8");
        assertEquals(32, Ssd1306.dataBytesPerTransfer(400), "floor(900 / 22.5) - 2 = 38, down to 32");
        assertEquals(900_000, Ssd1306.transferNanos(8, 100));
        assertEquals(765_000, Ssd1306.transferNanos(32, 400));
        assertThrows(IllegalArgumentException.class, () -> Ssd1306.dataBytesPerTransfer(50));
    }

    @Test
    void aFailureMidFrameIsThrownAndTheNextInitSendsEverything() {
        Pi4jDisplay oled = open(100);
        oled.init();
        oled.show(frame(10, TableState.MOVING));
        chip.setFailing(true);
        assertThrows(RuntimeException.class, () -> oled.show(frame(11, TableState.MOVING)));
        chip.setFailing(false);
        oled.init();
        byte[] next = frame(12, TableState.HOLDING);
        oled.show(next);
        assertArrayEquals(next, chip.visibleFrame());
    }

    @Test
    void aDisplayThatDoesNotAnswerIsNamedWithItsBusAndAddress() {
        Pi4jDisplay oled = open(100);
        chip.setFailing(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, oled::init);
        assertTrue(e.getMessage().contains("I2C bus 1 address 0x3C"), e.getMessage());
        assertTrue(e.getMessage().contains("display_i2c_address"), e.getMessage());
    }

    @Test
    void noDeviceAtTheAddressFailsTheInitLikeANack() {
        FakeI2CProvider bus = new FakeI2CProvider().attach(BUS, 0x3D, chip);
        display = Pi4jDisplay.simulated(bus, BUS, ADDRESS, 100);
        IllegalStateException e = assertThrows(IllegalStateException.class, display::init);
        assertTrue(e.getMessage().contains("no ACK from address 0x3C"), e.getMessage());
    }

    @Test
    void offDarkensThePanelAndKeepsTheRam() {
        Pi4jDisplay oled = open(100);
        oled.init();
        byte[] frame = frame(30, TableState.HOLDING);
        oled.show(frame);
        oled.off();
        assertArrayEquals(new byte[PixelDisplay.FRAME_BYTES], chip.visibleFrame());
        assertEquals(frame[0], chip.gddram()[0]);
    }

    @Test
    void aRefreshBringsBackAPanelThatResetItselfWithoutDarkeningAWorkingOne() {
        Pi4jDisplay oled = open(100);
        oled.init();
        byte[] frame = frame(30, TableState.HOLDING);
        oled.show(frame);
        chip.clearCounts();
        oled.refresh();
        assertTrue(!chip.commands().contains(0xAE), "a working panel is not turned off by a refresh");
        oled.show(frame);
        assertArrayEquals(frame, chip.visibleFrame());

        chip.powerCycle();
        assertArrayEquals(new byte[PixelDisplay.FRAME_BYTES], chip.visibleFrame(), "dark after the dip");
        oled.refresh();
        oled.show(frame);
        assertArrayEquals(frame, chip.visibleFrame(), "set up and drawn again");
        assertEquals(List.of(), chip.problems());
    }
}

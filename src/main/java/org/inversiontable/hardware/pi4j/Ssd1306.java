package org.inversiontable.hardware.pi4j;

import com.pi4j.io.i2c.I2C;
import java.util.Arrays;
import org.inversiontable.hardware.PixelDisplay;

/**
 * Driver for an SSD1306 128x64 OLED (the common 0.96" and 1.3"-class I2C modules with the
 * controller's own charge pump) over a Pi4J {@link I2C} handle: the datasheet's set-up, then each
 * frame as data in horizontal addressing mode, sending only what changed.
 *
 * <pre>{@code
 * Ssd1306 oled = new Ssd1306(i2c, 100);   // the bus's speed in kHz sets the size of a transfer
 * oled.init();                            // throws when the display does not answer
 * oled.show(frame);                       // PixelDisplay.FRAME_BYTES, page layout; throws on a bus error
 * }</pre>
 *
 * <p><b>Why small transfers.</b> The display may share the IMU's bus. Linux's i2c-dev serialises
 * the transfers of one adapter (and Pi4J's bus lock those of one process), so an IMU read that
 * arrives while the display writes waits for the transfer on the wire to end, and no longer: a
 * whole 1 KB frame in one transfer would hold the bus 25 ms at 400 kHz, 95 ms at 100 kHz, and the
 * control loop would miss its sample (SPEC §13: no IMU read waits more than 1 ms). A byte on the
 * wire is 9 clocks (8 bits and the acknowledge): 90 us at 100 kHz, 22.5 us at 400 kHz. A transfer
 * carries the address byte, the control byte and the data, and must end within {@link
 * #MAX_TRANSFER_NANOS} (0.9 ms, leaving 0.1 ms of the 1 ms for the start and stop conditions and
 * the kernel's hand-over): floor(0.9 ms / byte time) - 2 data bytes, rounded down to a power of two
 * so that a 128-column page splits evenly: <b>8 at 100 kHz</b> (10 bytes, 0.90 ms) and <b>32 at
 * 400 kHz</b> (34 bytes, 0.77 ms). A display on a bus of its own (a second bus through
 * {@code dtoverlay=i2c-gpio}) never makes the IMU wait at all, and is the better wiring.
 *
 * <p>Commands are sent as control byte 0x00 and the command with its arguments, one command per
 * transfer, never split; data as control byte 0x40 and the bytes. After any failure the driver
 * no longer knows what the panel holds: the next {@link #show} after {@link #init} sends it all.
 *
 * <p>Not thread-safe: the display thread alone drives it.
 */
public final class Ssd1306 implements PixelDisplay {
    /** The longest one transfer may hold the bus: 1 ms less the margin above. */
    public static final long MAX_TRANSFER_NANOS = 900_000L;
    /** Clocks per byte on the wire: eight bits and the acknowledge. */
    static final int CLOCKS_PER_BYTE = 9;
    /** The address byte and the control byte that precede the data in every transfer. */
    static final int OVERHEAD_BYTES = 2;

    /** Standard mode: the slowest bus a Pi runs, and where 8 data bytes still fit in a transfer. */
    public static final int MIN_BUS_KHZ = 100;
    /** High-speed mode, the fastest I2C clock there is. */
    public static final int MAX_BUS_KHZ = 3400;
    /** The longest command with its arguments: 0x21 (column address) and its two. */
    private static final int LONGEST_COMMAND_BYTES = 3;

    static final int CONTROL_COMMANDS = 0x00;
    static final int CONTROL_DATA = 0x40;

    static final int DISPLAY_OFF = 0xAE;
    static final int DISPLAY_ON = 0xAF;
    static final int SET_CLOCK_DIVIDE = 0xD5;
    /** The reset value: divide ratio 1, oscillator frequency 8 (datasheet table 10-1). */
    static final int CLOCK_DIVIDE_DEFAULT = 0x80;
    static final int SET_MULTIPLEX = 0xA8;
    /** 64 rows: the ratio is rows - 1. */
    static final int MULTIPLEX_64 = 0x3F;
    static final int SET_DISPLAY_OFFSET = 0xD3;
    static final int SET_START_LINE_0 = 0x40;
    static final int CHARGE_PUMP = 0x8D;
    /** Internal charge pump on: the modules have no separate panel supply. */
    static final int CHARGE_PUMP_ON = 0x14;
    static final int ADDRESSING_MODE = 0x20;
    static final int HORIZONTAL = 0x00;
    /** Column 127 to SEG0 and COM scan from COM63: with the module's header at the top, column 0 is at the left. */
    static final int SEGMENT_REMAP = 0xA1;
    static final int COM_SCAN_DECREMENT = 0xC8;
    static final int SET_COM_PINS = 0xDA;
    /** Alternative COM pin configuration, no left/right remap: what a 128x64 panel is wired for. */
    static final int COM_PINS_128X64 = 0x12;
    static final int SET_CONTRAST = 0x81;
    /** Bright enough to read in a lit room from a metre; the charge pump's usual setting. */
    static final int CONTRAST = 0xCF;
    static final int SET_PRECHARGE = 0xD9;
    /** Phase 1 one clock, phase 2 fifteen: the value for the internal charge pump. */
    static final int PRECHARGE_CHARGE_PUMP = 0xF1;
    static final int SET_VCOMH = 0xDB;
    static final int VCOMH_0_77_VCC = 0x40;
    static final int RESUME_FROM_RAM = 0xA4;
    static final int NORMAL_NOT_INVERTED = 0xA6;
    static final int DEACTIVATE_SCROLL = 0x2E;
    static final int COLUMN_ADDRESS = 0x21;
    static final int PAGE_ADDRESS = 0x22;

    private final I2C i2c;
    private final int dataBytesPerTransfer;
    private final byte[] transfer;
    private final byte[] onPanel = new byte[FRAME_BYTES];
    private boolean panelKnown;

    /**
     * @param i2c    the display's handle (bus and address set)
     * @param busKhz the bus's clock (100 or 400 kHz on a Pi: {@code display_i2c_khz}), which sets how
     *               many bytes one transfer may carry
     */
    public Ssd1306(I2C i2c, int busKhz) {
        if (i2c == null) {
            throw new IllegalArgumentException("i2c must not be null");
        }
        this.i2c = i2c;
        this.dataBytesPerTransfer = dataBytesPerTransfer(busKhz);
        this.transfer = new byte[1 + Math.max(dataBytesPerTransfer, LONGEST_COMMAND_BYTES)];
    }

    /**
     * The most data bytes one transfer may carry at {@code busKhz} so that it holds the bus no longer
     * than {@link #MAX_TRANSFER_NANOS} (see the class comment): 8 at 100 kHz, 32 at 400 kHz.
     */
    public static int dataBytesPerTransfer(int busKhz) {
        if (busKhz < MIN_BUS_KHZ || busKhz > MAX_BUS_KHZ) {
            throw new IllegalArgumentException("busKhz must be an I2C clock of " + MIN_BUS_KHZ + ".." + MAX_BUS_KHZ
                    + " kHz, was " + busKhz);
        }
        long byteNanos = CLOCKS_PER_BYTE * 1_000_000L / busKhz;
        long fitting = MAX_TRANSFER_NANOS / byteNanos - OVERHEAD_BYTES;
        return Integer.highestOneBit((int) Math.min(fitting, PixelDisplay.WIDTH_PX));
    }

    /** The wire time of one transfer of {@code dataBytes} at {@code busKhz}, in nanoseconds. */
    public static long transferNanos(int dataBytes, int busKhz) {
        return (dataBytes + OVERHEAD_BYTES) * CLOCKS_PER_BYTE * 1_000_000L / busKhz;
    }

    public int dataBytesPerTransfer() {
        return dataBytesPerTransfer;
    }

    /**
     * The datasheet's set-up sequence for a 128x64 panel on the internal charge pump (SSD1306
     * application note, "software initialisation"), the RAM cleared while the panel is dark, then
     * the panel on.
     *
     * @throws IllegalStateException naming the bus and address when the display does not answer
     */
    @Override
    public void init() {
        panelKnown = false;
        try {
            command(DISPLAY_OFF);
            setUp();
            // The RAM keeps whatever it held (noise at power-up): clear it before the panel lights.
            Arrays.fill(onPanel, (byte) 0);
            send(onPanel, 0, PixelDisplay.PAGES - 1, 0, WIDTH_PX - 1);
            panelKnown = true;
            command(DISPLAY_ON);
        } catch (RuntimeException e) {
            panelKnown = false;
            throw notAnswering(e);
        }
    }

    /**
     * The set-up again, the panel left on: settings a reset lost come back; the next {@link #show}
     * sends everything (so a panel whose RAM was lost is redrawn).
     */
    @Override
    public void refresh() {
        panelKnown = false;
        try {
            setUp();
            command(DISPLAY_ON);
        } catch (RuntimeException e) {
            throw notAnswering(e);
        }
    }

    private IllegalStateException notAnswering(RuntimeException e) {
        return new IllegalStateException(String.format(
                "display (SSD1306) on I2C bus %d address 0x%02X does not answer (%s). Check its wiring,"
                        + " display_i2c_bus and display_i2c_address (i2cdetect -y %d).",
                i2c.bus(), i2c.device(), e.getMessage(), i2c.bus()), e);
    }

    /** Every setting of the datasheet's sequence; harmless to repeat on a lit panel. */
    private void setUp() {
        command(SET_CLOCK_DIVIDE, CLOCK_DIVIDE_DEFAULT);
        command(SET_MULTIPLEX, MULTIPLEX_64);
        command(SET_DISPLAY_OFFSET, 0x00);
        command(SET_START_LINE_0);
        command(CHARGE_PUMP, CHARGE_PUMP_ON);
        command(ADDRESSING_MODE, HORIZONTAL);
        command(SEGMENT_REMAP);
        command(COM_SCAN_DECREMENT);
        command(SET_COM_PINS, COM_PINS_128X64);
        command(SET_CONTRAST, CONTRAST);
        command(SET_PRECHARGE, PRECHARGE_CHARGE_PUMP);
        command(SET_VCOMH, VCOMH_0_77_VCC);
        command(RESUME_FROM_RAM);
        command(NORMAL_NOT_INVERTED);
        command(DEACTIVATE_SCROLL);
    }

    /**
     * Sends the columns of each page that differ from what the panel shows, as one window per
     * page (its first to its last changed column); everything when the panel's content is unknown.
     */
    @Override
    public void show(byte[] frame) {
        if (frame == null || frame.length != FRAME_BYTES) {
            throw new IllegalArgumentException("frame must be " + FRAME_BYTES + " bytes");
        }
        if (!panelKnown) {
            send(frame, 0, PixelDisplay.PAGES - 1, 0, WIDTH_PX - 1);
            System.arraycopy(frame, 0, onPanel, 0, FRAME_BYTES);
            panelKnown = true;
            return;
        }
        for (int page = 0; page < PixelDisplay.PAGES; page++) {
            int base = page * WIDTH_PX;
            int first = 0;
            while (first < WIDTH_PX && frame[base + first] == onPanel[base + first]) {
                first++;
            }
            if (first == WIDTH_PX) {
                continue;
            }
            int last = WIDTH_PX - 1;
            while (frame[base + last] == onPanel[base + last]) {
                last--;
            }
            panelKnown = false; // until this page is through: a failure leaves it unknown
            send(frame, page, page, first, last);
            System.arraycopy(frame, base + first, onPanel, base + first, last - first + 1);
            panelKnown = true;
        }
    }

    @Override
    public void off() {
        command(DISPLAY_OFF);
    }

    /** The window of pages and columns, then its bytes in chunks; horizontal mode wraps from page to page. */
    private void send(byte[] frame, int firstPage, int lastPage, int firstColumn, int lastColumn) {
        command(COLUMN_ADDRESS, firstColumn, lastColumn);
        command(PAGE_ADDRESS, firstPage, lastPage);
        for (int page = firstPage; page <= lastPage; page++) {
            int from = page * WIDTH_PX + firstColumn;
            int end = page * WIDTH_PX + lastColumn + 1;
            for (int at = from; at < end; at += dataBytesPerTransfer) {
                int length = Math.min(dataBytesPerTransfer, end - at);
                transfer[0] = (byte) CONTROL_DATA;
                System.arraycopy(frame, at, transfer, 1, length);
                i2c.write(transfer, 0, 1 + length);
            }
        }
    }

    /** One transfer: control byte 0x00, then one command and its arguments. */
    private void command(int... bytes) {
        transfer[0] = (byte) CONTROL_COMMANDS;
        for (int i = 0; i < bytes.length; i++) {
            transfer[1 + i] = (byte) bytes[i];
        }
        i2c.write(transfer, 0, 1 + bytes.length);
    }
}

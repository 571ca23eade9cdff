package org.inversiontable.hardware.pi4j.fake;

import com.pi4j.io.exception.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A register-level model of an SSD1306 128x64 OLED controller on I2C, so the real driver runs
 * unchanged against it and a test (or the simulator's window) reads back the picture it drew.
 *
 * <pre>{@code
 * FakeSsd1306 oled = new FakeSsd1306();
 * FakeI2CProvider i2c = new FakeI2CProvider().attach(1, 0x3C, oled);
 * ...                                   // the driver writes through Pi4J
 * byte[] glass = oled.visibleFrame();   // what the panel shows, in page layout
 * oled.setFailing(true);                // every transfer is refused, as by an unplugged display
 * }</pre>
 *
 * <p>Modelled: the control byte (Co and D/C#: a stream of commands, a stream of data, or one byte
 * then another control byte); the commands the driver uses with their argument counts, and the
 * page-mode ones (column nibbles, page start); the 8 x 128 byte GDDRAM with the pointer's
 * auto-increment in horizontal, vertical and page addressing modes within the column and page
 * windows; display on/off, the charge pump (the panel stays dark without it), entire-display-on,
 * inverse, segment remap and COM scan direction (the picture as the glass shows it), multiplex
 * ratio and start line; the status byte on a read. A command it does not know, a control byte with
 * stray bits, or a command cut off at the end of a transfer is recorded in {@link #problems()}
 * (a real chip would do something unpredictable) and ignored; a supply dip ({@link #powerCycle()}).
 * Not modelled: scrolling, timing,
 * contrast's effect on brightness, the RAM's content at power-up (zero here; noise on a chip).
 *
 * <p>Thread-safe (every method is synchronized): the display thread writes, a window reads.
 */
public final class FakeSsd1306 implements FakeI2CDevice {
    public static final int WIDTH_PX = 128;
    public static final int HEIGHT_PX = 64;
    public static final int PAGES = 8;

    private static final int MODE_HORIZONTAL = 0;
    private static final int MODE_VERTICAL = 1;
    private static final int MODE_PAGE = 2;

    private final byte[] gddram = new byte[WIDTH_PX * PAGES];
    private final List<String> problems = new ArrayList<>();
    private final List<Integer> transferLengths = new ArrayList<>();
    private final List<Integer> commandsSeen = new ArrayList<>();
    private boolean failing;
    private long dataBytes;

    // Registers, at their reset values (datasheet table 10-1 and section 8.9).
    private boolean displayOn;
    private boolean chargePump;
    private int addressingMode = MODE_PAGE;
    private int columnStart;
    private int columnEnd = WIDTH_PX - 1;
    private int pageStart;
    private int pageEnd = PAGES - 1;
    private int column;
    private int page;
    private int pageModeColumnStart;
    private boolean segmentRemap;
    private boolean comScanDecrement;
    private boolean inverse;
    private boolean entireOn;
    private int multiplexRows = HEIGHT_PX;
    private int startLine;
    private int displayOffset;
    private int contrast = 0x7F;
    private int comPins = 0x12;

    // The command parser's state within one transfer.
    private int pendingCommand = -1;
    private final int[] arguments = new int[6];
    private int argumentsWanted;
    private int argumentsHad;

    /** While failing, every transfer is refused as a NACK is; the RAM and registers keep their state. */
    public synchronized void setFailing(boolean failing) {
        this.failing = failing;
    }

    /**
     * A supply dip: every register back to its reset value (dark, no charge pump, page mode) and
     * the RAM lost (zero here).
     */
    public synchronized void powerCycle() {
        java.util.Arrays.fill(gddram, (byte) 0);
        displayOn = false;
        chargePump = false;
        addressingMode = MODE_PAGE;
        columnStart = 0;
        columnEnd = WIDTH_PX - 1;
        pageStart = 0;
        pageEnd = PAGES - 1;
        column = 0;
        page = 0;
        pageModeColumnStart = 0;
        segmentRemap = false;
        comScanDecrement = false;
        inverse = false;
        entireOn = false;
        multiplexRows = HEIGHT_PX;
        startLine = 0;
        displayOffset = 0;
        contrast = 0x7F;
        comPins = 0x12;
        pendingCommand = -1;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        answer();
        transferLengths.add(length);
        if (length == 0) {
            return;
        }
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int control = data[i++] & 0xFF;
            if ((control & 0x3F) != 0) {
                problems.add(String.format("control byte 0x%02X has bits other than Co and D/C#", control));
                break;
            }
            boolean continuation = (control & 0x80) != 0;
            boolean isData = (control & 0x40) != 0;
            int stop = continuation ? Math.min(end, i + 1) : end;
            for (; i < stop; i++) {
                int b = data[i] & 0xFF;
                if (isData) {
                    store(b);
                } else {
                    commandByte(b);
                }
            }
        }
        if (pendingCommand >= 0) {
            problems.add(String.format("command 0x%02X cut off after %d of %d argument bytes at the end of a transfer",
                    pendingCommand, argumentsHad, argumentsWanted));
            pendingCommand = -1;
        }
    }

    /** A read returns the status byte: bit 6 set while the display is off. */
    @Override
    public synchronized void read(byte[] buffer, int offset, int length) {
        answer();
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) (displayOn ? 0x00 : 0x40);
        }
    }

    @Override
    public synchronized void writeRead(byte[] data, int dataOffset, int dataLength, byte[] buffer, int bufferOffset,
                                       int bufferLength) {
        write(data, dataOffset, dataLength);
        read(buffer, bufferOffset, bufferLength);
    }

    private void answer() {
        if (failing) {
            throw new IOException("SSD1306 fake: no ACK (failing)");
        }
    }

    private void commandByte(int b) {
        if (pendingCommand >= 0) {
            arguments[argumentsHad++] = b;
            if (argumentsHad == argumentsWanted) {
                int command = pendingCommand;
                pendingCommand = -1;
                execute(command);
            }
            return;
        }
        int wanted = argumentCount(b);
        if (wanted < 0) {
            problems.add(String.format("unknown command 0x%02X", b));
            return;
        }
        commandsSeen.add(b);
        if (wanted == 0) {
            execute(b);
        } else {
            pendingCommand = b;
            argumentsWanted = wanted;
            argumentsHad = 0;
        }
    }

    /** The argument bytes a command takes, or -1 for one this model does not know. */
    private static int argumentCount(int command) {
        if (command <= 0x1F || (command >= 0x40 && command <= 0x7F) || (command >= 0xB0 && command <= 0xB7)) {
            return 0;
        }
        return switch (command) {
            case 0x20, 0x81, 0x8D, 0xA8, 0xD3, 0xD5, 0xD9, 0xDA, 0xDB -> 1;
            case 0x21, 0x22 -> 2;
            case 0x2E, 0xA0, 0xA1, 0xA4, 0xA5, 0xA6, 0xA7, 0xAE, 0xAF, 0xC0, 0xC8, 0xE3 -> 0;
            default -> -1;
        };
    }

    private void execute(int command) {
        if (command <= 0x0F) {
            pageModeColumnStart = (pageModeColumnStart & 0xF0) | command;
            column = pageModeColumnStart;
        } else if (command <= 0x1F) {
            pageModeColumnStart = (pageModeColumnStart & 0x0F) | ((command & 0x0F) << 4);
            column = pageModeColumnStart;
        } else if (command >= 0x40 && command <= 0x7F) {
            startLine = command - 0x40;
        } else if (command >= 0xB0 && command <= 0xB7) {
            page = command - 0xB0;
        } else {
            executeNamed(command);
        }
    }

    private void executeNamed(int command) {
        int a = arguments[0];
        switch (command) {
            case 0x20 -> {
                if ((a & 0x03) == 0x03) {
                    problems.add("addressing mode 3 is invalid");
                } else {
                    addressingMode = a & 0x03;
                }
            }
            case 0x21 -> {
                columnStart = a & 0x7F;
                columnEnd = arguments[1] & 0x7F;
                column = columnStart;
            }
            case 0x22 -> {
                pageStart = a & 0x07;
                pageEnd = arguments[1] & 0x07;
                page = pageStart;
            }
            case 0x81 -> contrast = a;
            case 0x8D -> chargePump = (a & 0x04) != 0;
            case 0xA8 -> {
                if (a < 15 || a > 63) {
                    problems.add(String.format("multiplex ratio 0x%02X is invalid (15..63)", a));
                } else {
                    multiplexRows = a + 1;
                }
            }
            case 0xD3 -> displayOffset = a & 0x3F;
            case 0xDA -> comPins = a;
            case 0xA0, 0xA1 -> segmentRemap = command == 0xA1;
            case 0xA4, 0xA5 -> entireOn = command == 0xA5;
            case 0xA6, 0xA7 -> inverse = command == 0xA7;
            case 0xAE, 0xAF -> displayOn = command == 0xAF;
            case 0xC0, 0xC8 -> comScanDecrement = command == 0xC8;
            default -> {
                // 0x2E (no scroll runs here), 0xD5, 0xD9, 0xDB (timing and voltages), 0xE3 (NOP).
            }
        }
    }

    private void store(int b) {
        gddram[page * WIDTH_PX + column] = (byte) b;
        dataBytes++;
        switch (addressingMode) {
            case MODE_HORIZONTAL -> {
                if (++column > columnEnd) {
                    column = columnStart;
                    page = page >= pageEnd ? pageStart : page + 1;
                }
            }
            case MODE_VERTICAL -> {
                if (++page > pageEnd) {
                    page = pageStart;
                    column = column >= columnEnd ? columnStart : column + 1;
                }
            }
            default -> {
                if (++column > WIDTH_PX - 1) {
                    column = pageModeColumnStart;
                }
            }
        }
    }

    /**
     * The picture on the glass, in page layout (byte {@code p * 128 + x}, bit 0 the top row of page
     * p), for a module whose column 0 is at the left with segment remap on and COM scan reversed (as
     * the common modules are built): dark unless the display is on with its charge pump.
     */
    public synchronized byte[] visibleFrame() {
        byte[] glass = new byte[WIDTH_PX * PAGES];
        if (!displayOn || !chargePump) {
            return glass;
        }
        for (int y = 0; y < HEIGHT_PX; y++) {
            if (y >= multiplexRows) {
                continue;
            }
            int row = comScanDecrement ? y : HEIGHT_PX - 1 - y;
            int ramRow = (row + startLine + displayOffset) % HEIGHT_PX;
            for (int x = 0; x < WIDTH_PX; x++) {
                int ramColumn = segmentRemap ? x : WIDTH_PX - 1 - x;
                boolean lit = entireOn || (((gddram[(ramRow >> 3) * WIDTH_PX + ramColumn] >> (ramRow & 7)) & 1) != 0);
                if (inverse && !entireOn) {
                    lit = !lit;
                }
                if (lit) {
                    glass[(y >> 3) * WIDTH_PX + x] |= (byte) (1 << (y & 7));
                }
            }
        }
        return glass;
    }

    /** The controller's RAM as written, a copy (page layout, before any remap). */
    public synchronized byte[] gddram() {
        return gddram.clone();
    }

    public synchronized boolean displayOn() {
        return displayOn;
    }

    public synchronized boolean chargePumpOn() {
        return chargePump;
    }

    /** 0 horizontal, 1 vertical, 2 page (the reset value). */
    public synchronized int addressingMode() {
        return addressingMode;
    }

    public synchronized int multiplexRows() {
        return multiplexRows;
    }

    public synchronized int contrast() {
        return contrast;
    }

    public synchronized int comPins() {
        return comPins;
    }

    public synchronized boolean segmentRemapped() {
        return segmentRemap;
    }

    public synchronized boolean comScanDecrement() {
        return comScanDecrement;
    }

    /** What the model refused or did not know, in order; empty when every transfer made sense. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The length of every transfer so far (control bytes included), in order. */
    public synchronized List<Integer> transferLengths() {
        return List.copyOf(transferLengths);
    }

    /** Every command byte received (not its arguments), in order. */
    public synchronized List<Integer> commands() {
        return List.copyOf(commandsSeen);
    }

    /** GDDRAM bytes written so far. */
    public synchronized long dataBytesWritten() {
        return dataBytes;
    }

    /** Forgets the transfer and command counts (not the RAM or registers), for a test's next step. */
    public synchronized void clearCounts() {
        transferLengths.clear();
        commandsSeen.clear();
        dataBytes = 0;
    }
}

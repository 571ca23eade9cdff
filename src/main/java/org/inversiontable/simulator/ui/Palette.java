package org.inversiontable.simulator.ui;

import java.awt.Color;

/** The few colours the window uses, named by what they mean so that a meaning has one colour. */
final class Palette {
    static final Color OK = new Color(0x2E7D32);
    static final Color WARNING = new Color(0xEF8F00);
    static final Color DANGER = new Color(0xC62828);
    static final Color INFO = new Color(0x37474F);
    static final Color MOVING = new Color(0x1565C0);
    static final Color MUTED = new Color(0x90A4AE);
    static final Color LAMP_OFF = new Color(0x5A6268);
    static final Color LED_ON = new Color(0x00E676);
    static final Color BUZZER_ON = new Color(0xFFB300);
    static final Color TRUE_ANGLE = new Color(0x1565C0);
    static final Color MEASURED_ANGLE = new Color(0xEF6C00);
    static final Color LIMIT = DANGER;
    static final Color BACKGROUND = new Color(0xF4F6F8);
    static final Color CARD = Color.WHITE;
    static final Color GRID = new Color(0xE0E4E8);
    static final Color TEXT = new Color(0x1C2833);

    private Palette() {
    }
}

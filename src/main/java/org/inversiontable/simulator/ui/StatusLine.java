package org.inversiontable.simulator.ui;

import java.util.Locale;
import org.inversiontable.simulator.SimulatorStatus;

/**
 * The terminal's one-line status, from the same {@link PanelView} the window paints, so that
 * both faces say the same thing in the same words.
 *
 * <pre>{@code
 * out.print("\r\033[2K" + StatusLine.format(status, keys.holdText(), 120));
 * }</pre>
 */
final class StatusLine {
    static final int BAR_CELLS = 10;

    private StatusLine() {
    }

    static String format(SimulatorStatus s, String holding, int width) {
        PanelView v = PanelView.of(s);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%8s (%s) %-9s", v.angleMeasText(), v.angleTrueText(), v.stateText()));
        out.append(" inv ").append(v.invertedText()).append(' ').append(bar(v.budgetLeftFraction()));
        out.append(' ').append(v.limitText());
        out.append(v.ledOn() ? "  LED*" : "  LED-").append(v.buzzerOn() ? " BUZ*" : " BUZ-");
        out.append(String.format(Locale.ROOT, " %.0fkg", s.userKg()));
        if (v.estopPressed()) {
            out.append("  E-STOP PRESSED");
        }
        String said = v.faultText().isEmpty() ? v.messageText()
                : v.faultText() + (v.messageText().isEmpty() ? "" : " / " + v.messageText());
        if (!said.isEmpty()) {
            out.append(" | ").append(v.severity().prefix).append(said);
        }
        if (holding != null && !holding.isEmpty()) {
            out.append(" | ").append(holding);
        }
        return out.length() > width ? out.substring(0, Math.max(0, width - 1)) + "\u2026" : out.toString();
    }

    /** {@code [#####-----]}: the budget left, in tenths. */
    static String bar(double fraction) {
        int full = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR_CELLS);
        return "[" + "#".repeat(full) + "-".repeat(BAR_CELLS - full) + "]";
    }
}

package org.inversiontable.simulator.ui;

import java.awt.Color;
import java.util.Locale;
import org.inversiontable.control.TableState;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.simulator.SimulatorStatus;

/**
 * What the window shows for one {@link SimulatorStatus}, as words, colours and a bar value: the
 * decisions a person reads (is this a fault? how much time is left?) live here, where a test can
 * check them without a display; the Swing components only paint these fields.
 *
 * <pre>{@code
 * PanelView view = PanelView.of(controls.status());
 * label.setText(view.angleMeasText());
 * label.setForeground(view.stateColor());
 * }</pre>
 */
record PanelView(String angleMeasText, String angleTrueText, String stateText, Color stateColor,
                 String invertedText, double budgetLeftFraction, Color budgetColor, String budgetText,
                 String limitText, boolean ledOn, boolean buzzerOn, String motorText, Severity severity,
                 String messageText, String faultText, boolean estopPressed, String estopText) {

    /** How loud a line of text is: its colour in the window, its prefix in the terminal. */
    enum Severity {
        INFO(Palette.INFO, ""), WARNING(Palette.WARNING, "WARNING: "), FAULT(Palette.DANGER, "FAULT: ");

        final Color color;
        final String prefix;

        Severity(Color color, String prefix) {
            this.color = color;
            this.prefix = prefix;
        }
    }

    /** Below this part of the budget left the bar turns amber, then red: the return is near. */
    static final double BUDGET_AMBER_BELOW = 0.35;
    static final double BUDGET_RED_BELOW = 0.10;
    static final String ESTOP_RELEASED_TEXT = "E-STOP";
    static final String ESTOP_PRESSED_TEXT = "PRESSED \u2014 click to release";

    static PanelView of(SimulatorStatus s) {
        double left = s.budgetLeftFraction();
        Severity severity = severityOf(s);
        return new PanelView(
                Double.isNaN(s.angleMeasDeg()) ? "no sample" : degrees(s.angleMeasDeg()),
                "true " + degrees(s.angleTrueDeg()),
                s.state().name(),
                stateColor(s.state()),
                minutes(s.invertedS()) + " of " + minutes(s.limitInvertedS()),
                left,
                left < BUDGET_RED_BELOW ? Palette.DANGER : left < BUDGET_AMBER_BELOW ? Palette.WARNING : Palette.OK,
                minutes(Math.max(0.0, s.limitInvertedS() - s.invertedS())) + " left",
                "limit " + degrees(s.limitAngleDeg()),
                s.ledOn(),
                s.buzzerOn(),
                motorText(s),
                severity,
                s.message() == null ? "" : s.message(),
                faultText(s.faultCode()),
                s.estopPressed(),
                s.estopPressed() ? ESTOP_PRESSED_TEXT : ESTOP_RELEASED_TEXT);
    }

    /** A fault is red whatever the message says; a warning is what comes with the buzzer or the return. */
    static Severity severityOf(SimulatorStatus s) {
        if (s.faultCode() != null || s.state() == TableState.FAULT || s.state() == TableState.ESTOP
                || s.state() == TableState.LIMP_HOME) {
            return Severity.FAULT;
        }
        boolean saysWarning = s.message() != null && s.message().toLowerCase(Locale.ROOT).contains("warn");
        if (s.buzzerOn() || s.state() == TableState.RETURNING || saysWarning) {
            return Severity.WARNING;
        }
        return Severity.INFO;
    }

    static Color stateColor(TableState state) {
        return switch (state) {
            case IDLE, HOLDING -> Palette.OK;
            case MOVING -> Palette.MOVING;
            case BOOT -> Palette.MUTED;
            case RETURNING -> Palette.WARNING;
            case ESTOP, FAULT, LIMP_HOME -> Palette.DANGER;
        };
    }

    /** {@code imu_stale: no fresh IMU sample for 100 ms}; an unknown code is shown as it came. */
    static String faultText(String code) {
        if (code == null) {
            return "";
        }
        for (FaultCode f : FaultCode.values()) {
            if (f.code().equals(code)) {
                return code + ": " + f.meaning();
            }
        }
        return code;
    }

    static String motorText(SimulatorStatus s) {
        String power = s.motorPowered() ? "power on" : "POWER CUT (relay dropped)";
        String drive = s.motorEnabled() ? String.format(Locale.ROOT, "enabled, duty %+.2f", s.duty()) : "disabled";
        return "motor " + drive + ", " + power;
    }

    /** {@code +30.0°}: always signed, so that head-down and head-up cannot be confused. */
    static String degrees(double deg) {
        return String.format(Locale.ROOT, "%+.1f\u00b0", deg);
    }

    /** {@code 1:30}; a negative or NaN time reads as 0:00. */
    static String minutes(double seconds) {
        long s = Double.isFinite(seconds) ? Math.max(0L, (long) Math.floor(seconds)) : 0L;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

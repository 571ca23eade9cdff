package org.inversiontable.simulator;

import org.inversiontable.control.TableState;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;

/**
 * The words a person at the simulator reads: what is wrong, and what to do about it. A latched
 * fault or e-stop speaks until it is reset; an event (a warning, a reset) is shown for
 * {@link #EVENT_SHOWN_NANOS} after it happened.
 *
 * <p>Confined to the control thread, where the simulator composes its status after each tick.
 */
final class StatusWords {
    static final long EVENT_SHOWN_NANOS = 6_000_000_000L;

    private TableEvent lastEvent;
    private FaultCode lastEventFault;
    private long lastEventNanos;

    /** @return the message for this tick, or null when there is nothing to say */
    String after(long nowNanos, TableState state, FaultCode fault, TableEvent event) {
        if (event != null) {
            lastEvent = event;
            lastEventFault = fault;
            lastEventNanos = nowNanos;
        }
        if (state == TableState.ESTOP) {
            return "E-stop: motor power cut. Release the e-stop, then hold STOP for 2 s to reset.";
        }
        if (fault != null && fault != FaultCode.BUTTON_STUCK) {
            return faultWords(fault, state);
        }
        if (lastEvent != null && nowNanos - lastEventNanos <= EVENT_SHOWN_NANOS) {
            return eventWords(lastEvent, lastEventFault);
        }
        if (fault == FaultCode.BUTTON_STUCK) {
            return "A button has been held too long (button_stuck): release it.";
        }
        return null;
    }

    static String faultWords(FaultCode fault, TableState state) {
        String what = fault.code() + ": " + fault.meaning() + ".";
        if (fault.cutsMotorPower()) {
            return what + " Motor power is cut; the mechanical release is the way up.";
        }
        if (state == TableState.LIMP_HOME) {
            return what + " Limp home: moving slowly toward upright while UP is held.";
        }
        return what + " Motor off; hold UP to limp home, hold STOP 2 s to reset once the cause is gone.";
    }

    static String eventWords(TableEvent event, FaultCode fault) {
        return switch (event) {
            case ESTOP -> "E-stop pressed: motor power cut.";
            case RESET -> "Reset: the table is ready.";
            case AUTO_RETURN -> "Time is up: the table returns to upright by itself.";
            case WARNING -> "Warning: the automatic return comes soon (the buzzer beeps).";
            case FAULT -> fault == null ? "A fault latched." : fault.code() + ": " + fault.meaning() + ".";
            case FLAT_REST -> "Resting just below horizontal before the way up.";
            case PRESET_STORED -> "Preset stored: this angle is the new PRESET.";
            case BUTTON_STUCK -> "A button has been held too long (button_stuck): release it.";
            case JOURNAL_CORRUPT -> "The session journal was unreadable: the inverted-time budget counts as spent.";
            case JOURNAL_ERROR -> "The session journal cannot be written; the table goes on.";
            case WRITER_BEHIND -> "The disk is slow: the journal writer is more than 1 s behind; the table goes on.";
            case PROFILE_SELECTED -> "Profile selected (the buzzer beeps its number).";
            case LEVEL_CHANGED -> "The session moved the progression level: the next session has new limits.";
        };
    }
}

package org.inversiontable.replay;

import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.MotorCommand;

/**
 * The H-bridge of a replay: it drives nothing, and shows what the gate applied exactly as
 * {@code Pi4jHBridge} reports it, which is what the trace's {@code duty} and {@code enabled}
 * recorded: a disabled or inhibited command reads as {@link MotorCommand#OFF}, an inhibit holds
 * until the reset rule lifts it. Its own watchdog never fires: an expiry that happened in the
 * recorded run reaches the replayed supervisor as the recorded {@code report_fault}, before the
 * tick that took it.
 */
final class ReplayHBridge implements HBridge {
    private boolean inhibited;
    private MotorCommand output = MotorCommand.OFF;
    private Runnable beforeNextApply;

    /**
     * Runs {@code action} once, just before the next write: where an e-stop event on its own
     * thread cut the motor in the middle of a recorded tick ({@code estop_cut_in_tick}).
     */
    void beforeNextApply(Runnable action) {
        beforeNextApply = action;
    }

    @Override
    public void apply(MotorCommand command, long nowNanos) {
        Runnable action = beforeNextApply;
        beforeNextApply = null;
        if (action != null) {
            action.run();
        }
        output = inhibited || !command.enabled() ? MotorCommand.OFF : command;
    }

    @Override
    public void inhibit() {
        inhibited = true;
        output = MotorCommand.OFF;
    }

    @Override
    public void clearInhibit() {
        inhibited = false;
    }

    @Override
    public boolean inhibited() {
        return inhibited;
    }

    @Override
    public boolean pollWatchdog(long nowNanos) {
        return false;
    }

    @Override
    public MotorCommand output() {
        return output;
    }
}

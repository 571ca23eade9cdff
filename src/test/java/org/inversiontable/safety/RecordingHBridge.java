package org.inversiontable.safety;

import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.MotorCommand;

/** Test fixture: an H-bridge that records what the supervisor writes; no watchdog of its own. */
public class RecordingHBridge implements HBridge {
    private MotorCommand output = MotorCommand.OFF;
    private boolean inhibited;

    @Override
    public void apply(MotorCommand command, long nowNanos) {
        output = inhibited ? MotorCommand.OFF : command;
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

    /** Back to power-on: not inhibited, off. */
    public void powerOn() {
        inhibited = false;
        output = MotorCommand.OFF;
    }
}

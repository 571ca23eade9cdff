package org.inversiontable.calibration;

/**
 * On a Raspberry Pi, the wired table could not be opened for calibration (a provider that does not
 * start, the PWM channel missing in sysfs, a pin taken twice): the message is the one line to show.
 */
public final class RigRefused extends Exception {
    private static final long serialVersionUID = 1L;

    public RigRefused(String line) {
        super(line);
    }
}

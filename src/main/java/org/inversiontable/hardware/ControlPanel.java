package org.inversiontable.hardware;

/**
 * The e-stop, the HOME end-stop and the hand controller's buttons.
 *
 * <p>Reads are debounced by the implementation; the stop direction of the e-stop and the
 * "at home" direction of the end-stop are never delayed (only their release is debounced).
 */
public interface ControlPanel {
    PanelReading read();

    /**
     * Runs {@code action} on the input event itself whenever the e-stop opens (SPEC §11: the
     * e-stop acts at once, not at the next tick). The action may run on another thread.
     */
    void onEstopOpened(Runnable action);
}

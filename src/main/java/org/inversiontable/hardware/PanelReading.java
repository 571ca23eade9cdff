package org.inversiontable.hardware;

/**
 * The switches and buttons at one instant, already debounced by the adapter.
 *
 * @param estopStop      true when the e-stop input reads "stop" (pressed or wire broken)
 * @param homeSwitchAtHome true when the HOME end-stop reports the table at home (contact open)
 * @param buttonsMask    the pressed buttons, one {@link Button#bit()} each
 */
public record PanelReading(boolean estopStop, boolean homeSwitchAtHome, int buttonsMask) {
    public boolean pressed(Button button) {
        return button.in(buttonsMask);
    }
}

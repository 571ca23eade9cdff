package org.inversiontable.hardware;

/**
 * The switches and buttons at one instant, already debounced by the adapter.
 *
 * @param estopStop      true when the e-stop input reads "stop" (pressed or wire broken)
 * @param homeSwitchAtHome true when the HOME end-stop reports the table at home (contact open)
 * @param buttonsMask    the pressed buttons, one {@link Button#bit()} each
 */
public record PanelReading(boolean estopStop, boolean homeSwitchAtHome, int buttonsMask) {
    private static final int BUTTON_MASKS = 1 << Button.values().length;
    /**
     * Every reading a panel of {@link Button}s can give, made once, so that the 100 Hz tick takes
     * one instead of allocating one (SPEC §11). Immutable values: shared freely between threads.
     */
    private static final PanelReading[] EVERY_READING = everyReading();

    /** The reading with these values: a shared one for every mask of {@link Button}s. */
    public static PanelReading of(boolean estopStop, boolean homeSwitchAtHome, int buttonsMask) {
        if (buttonsMask < 0 || buttonsMask >= BUTTON_MASKS) {
            return new PanelReading(estopStop, homeSwitchAtHome, buttonsMask);
        }
        return EVERY_READING[index(estopStop, homeSwitchAtHome, buttonsMask)];
    }

    private static int index(boolean estopStop, boolean homeSwitchAtHome, int buttonsMask) {
        return (buttonsMask * 2 + (homeSwitchAtHome ? 1 : 0)) * 2 + (estopStop ? 1 : 0);
    }

    private static PanelReading[] everyReading() {
        PanelReading[] all = new PanelReading[BUTTON_MASKS * 4];
        for (int mask = 0; mask < BUTTON_MASKS; mask++) {
            for (int home = 0; home < 2; home++) {
                for (int stop = 0; stop < 2; stop++) {
                    all[index(stop == 1, home == 1, mask)] = new PanelReading(stop == 1, home == 1, mask);
                }
            }
        }
        return all;
    }

    public boolean pressed(Button button) {
        return button.in(buttonsMask);
    }
}

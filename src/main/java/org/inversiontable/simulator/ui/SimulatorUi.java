package org.inversiontable.simulator.ui;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import org.inversiontable.simulator.SimulatorControls;

/**
 * {@code simulate}'s face (SPEC §8): a window when a display is present, otherwise the keyboard
 * in the terminal.
 *
 * <pre>{@code
 * CountDownLatch done = new CountDownLatch(1);
 * SimulatorUi.open(simulation, done::countDown); // returns at once
 * done.await();                                  // the user closed the window or pressed q
 * }</pre>
 */
public final class SimulatorUi {
    private SimulatorUi() {
    }

    /** Which face {@link #open} chose. */
    public enum Face { WINDOW, TERMINAL }

    /**
     * Opens the window, or when there is no display (headless, or a DISPLAY that does not answer)
     * starts the terminal face on System.in/System.out. Returns at once; {@code onQuit} runs once
     * when the user closes the window or quits the terminal (or its input ends).
     */
    public static Face open(SimulatorControls controls, Runnable onQuit) {
        if (!GraphicsEnvironment.isHeadless()) {
            try {
                SimulatorWindow.open(controls, onQuit);
                return Face.WINDOW;
            } catch (HeadlessException | AWTError e) {
                System.err.println("No usable display (" + e.getMessage() + "): using the terminal.");
            }
        }
        TerminalSimulator.start(controls, onQuit);
        return Face.TERMINAL;
    }
}

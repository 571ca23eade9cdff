package org.inversiontable.simulator.ui;

import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import org.inversiontable.simulator.SimulatorControls;
import org.inversiontable.time.SystemClock;

/**
 * The simulator's window: a frame around {@link SimulatorPanel}, a 30 Hz timer that shows the
 * newest status, the keyboard routed to the hand controller, and every button let go when the
 * window loses the focus or closes.
 *
 * <pre>{@code
 * SimulatorWindow.open(simulation, () -> done.countDown()); // returns at once; onClose runs once
 * }</pre>
 */
public final class SimulatorWindow {
    /** ~30 frames a second: smooth enough to watch a 5 deg/s move, cheap beside the control loop. */
    static final int FRAME_MS = 33;
    /** The key releases' grace is 40 ms; polling at 10 ms commits them within 50 ms. */
    static final int KEY_POLL_MS = 10;

    private final JFrame frame;
    private final SimulatorPanel panel;
    private final Timer frames;
    private final Timer keyPoll;
    private final KeyEventDispatcher keyRouter;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SimulatorWindow(SimulatorControls controls, Runnable onClose) {
        this.onClose = onClose;
        this.panel = new SimulatorPanel(controls, new SystemClock(), Tone.sampled());
        this.frame = new JFrame("Inversion table simulator");
        frame.setJMenuBar(panel.menuBar());
        frame.setContentPane(panel);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }

            @Override
            public void windowDeactivated(WindowEvent e) {
                panel.focusLost();
            }

            @Override
            public void windowIconified(WindowEvent e) {
                panel.focusLost();
            }
        });
        keyRouter = e -> isOurs(e.getComponent() == null ? null : SwingUtilities.getWindowAncestor(e.getComponent()),
                e.getComponent() == frame) && panel.dispatchKey(e);
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(keyRouter);
        frames = new Timer(FRAME_MS, e -> panel.refresh());
        keyPoll = new Timer(KEY_POLL_MS, e -> panel.pollKeys());
        frame.pack();
        frame.setLocationByPlatform(true);
        frames.start();
        keyPoll.start();
        frame.setVisible(true);
    }

    private boolean isOurs(Window ancestor, boolean isFrame) {
        return isFrame || ancestor == frame;
    }

    /**
     * Opens the window (on the event thread) and returns it once it shows. {@code onClose} runs
     * once, on the event thread, after the window has let go of every button and closed.
     *
     * @throws java.awt.HeadlessException when there is no display ({@link SimulatorUi#open} then
     *         chooses the terminal)
     */
    public static SimulatorWindow open(SimulatorControls controls, Runnable onClose) {
        if (SwingUtilities.isEventDispatchThread()) {
            return new SimulatorWindow(controls, onClose);
        }
        SimulatorWindow[] made = new SimulatorWindow[1];
        try {
            SwingUtilities.invokeAndWait(() -> made[0] = new SimulatorWindow(controls, onClose));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the simulator window", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("the simulator window failed to open", e.getCause());
        }
        return made[0];
    }

    /** Lets go of every button, stops the timers, disposes of the frame and runs onClose once. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        frames.stop();
        keyPoll.stop();
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(keyRouter);
        panel.close();
        frame.dispose();
        onClose.run();
    }
}

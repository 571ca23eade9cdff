package org.inversiontable.simulator.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JPanel;
import org.inversiontable.simulator.SimulatorControls;
import org.inversiontable.time.SystemClock;

/**
 * The window's content (menu bar included) painted into a PNG, without a display: for the docs,
 * for a bug report, for {@code simulate --screenshot OUT.png}.
 *
 * <pre>{@code
 * SimulatorScreenshot.write(simulation, Path.of("simulator.png")); // run with -Djava.awt.headless=true
 * }</pre>
 */
public final class SimulatorScreenshot {
    private SimulatorScreenshot() {
    }

    /** Shows the controls' newest status and writes the picture. */
    public static void write(SimulatorControls controls, Path png) throws IOException {
        SimulatorPanel panel = new SimulatorPanel(controls, new SystemClock(), Tone.SILENT);
        panel.refresh();
        write(panel, png);
    }

    /**
     * A window's content that follows the simulation while a script runs, so that its angle chart
     * has a history when the picture is taken: call {@link Camera#refresh()} every few tens of
     * milliseconds, then {@link Camera#write(Path)}. Confined to the thread that made it.
     */
    public static Camera camera(SimulatorControls controls) {
        return new Camera(new SimulatorPanel(controls, new SystemClock(), Tone.SILENT));
    }

    /** See {@link #camera}. */
    public static final class Camera {
        private final SimulatorPanel panel;

        private Camera(SimulatorPanel panel) {
            this.panel = panel;
        }

        public void refresh() {
            panel.refresh();
        }

        public void write(Path png) throws IOException {
            panel.refresh();
            SimulatorScreenshot.write(panel, png);
        }
    }

    static void write(SimulatorPanel panel, Path png) throws IOException {
        BufferedImage image = render(panel);
        Path dir = png.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM for " + png);
        }
    }

    /** Lays the panel out at its preferred size under its menu bar and paints it. */
    static BufferedImage render(SimulatorPanel panel) {
        JPanel whole = new JPanel(new BorderLayout());
        whole.add(panel.menuBar(), BorderLayout.NORTH);
        whole.add(panel, BorderLayout.CENTER);
        Dimension size = whole.getPreferredSize();
        whole.setSize(size);
        layOut(whole);
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            whole.printAll(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Without a peer nothing lays a component out: do it by hand, parents before children. */
    private static void layOut(Component c) {
        c.doLayout();
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }
}

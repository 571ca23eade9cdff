package org.inversiontable.simulator.ui;

import java.io.IOException;
import java.nio.file.Path;
import org.inversiontable.control.TableState;
import org.inversiontable.hardware.Button;
import org.inversiontable.time.ManualClock;

/**
 * Renders docs/simulator.png from the fake at a telling moment: the table held at +30 deg (its
 * limit) after a minute of moves, half the inverted-time budget spent, and the first warning of
 * the automatic return sounding. Run by {@code scripts/simulator-screenshot.sh [OUT.png]}.
 */
public final class SimulatorScreenshotDemo {
    static final double FRAME_S = 1.0 / 30;

    private SimulatorScreenshotDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/simulator.png");
        SimulatorScreenshot.write(telling(), out);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** A panel that has watched the fake for 70 s of simulated time. */
    static SimulatorPanel telling() {
        FakeSimulatorControls fake = new FakeSimulatorControls();
        ManualClock clock = new ManualClock(0);
        SimulatorPanel panel = new SimulatorPanel(fake, clock, Tone.SILENT);
        fake.angleDeg = -20;
        fake.invertedS = 40;
        run(fake, panel, clock, 6, null);
        run(fake, panel, clock, 7, Button.DOWN);   // to +15
        run(fake, panel, clock, 14, null);         // a rest at +15
        run(fake, panel, clock, 12, Button.UP);    // back up to -45
        run(fake, panel, clock, 9, null);
        run(fake, panel, clock, 16, Button.DOWN);  // down to the +30 limit
        run(fake, panel, clock, 6, null);
        fake.invertedS = 90;
        fake.forcedState = TableState.HOLDING;
        fake.led = true;
        fake.buzzer = true;
        fake.message = "Warning: automatic return to upright in 60 s";
        panel.refresh();
        return panel;
    }

    private static void run(FakeSimulatorControls fake, SimulatorPanel panel, ManualClock clock, double seconds,
                            Button held) {
        if (held != null) {
            fake.setButton(held, true);
        }
        for (double t = 0; t < seconds; t += FRAME_S) {
            fake.advance(FRAME_S);
            fake.measOffsetDeg = 0.6 * Math.sin(fake.timeS * 2.1) + 0.3 * Math.sin(fake.timeS * 7.3);
            clock.advanceNanos((long) (FRAME_S * 1e9));
            panel.refresh();
        }
        if (held != null) {
            fake.setButton(held, false);
        }
    }
}

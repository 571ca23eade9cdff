package org.inversiontable.pi;

import org.inversiontable.calibration.DriveRequest;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ControlPanel;
import org.inversiontable.hardware.PanelReading;

/**
 * The hand controller as the controller sees it during {@code calibrate}: the e-stop, the HOME
 * switch and STOP pass through as wired; every other button is masked, and DOWN or UP is held while
 * the procedure requests TOWARD_INVERSION or TOWARD_UPRIGHT. The procedure asks for a direction only
 * while the builder holds that very button, so the controller never moves further than the
 * builder's hand and its own limits allow; a masked PRESET or HOME cannot start an automatic move.
 *
 * <pre>{@code
 * HoldToRunPanel panel = new HoldToRunPanel(table.hardware().panel());
 * ControlLoop loop = ControllerAssembly.build(config, table.hardware().withPanel(panel), clock);
 * panel.request(DriveRequest.TOWARD_INVERSION);
 * loop.tick();
 * }</pre>
 *
 * <p>Thread-safety: {@link #request}, {@link #use} and {@link #read} run on the control thread (the
 * rig's caller) only; {@link #onEstopOpened} goes straight to the wired panel, which says how its
 * event thread is safe.
 */
final class HoldToRunPanel implements ControlPanel {
    private static final int PASSED_THROUGH = Button.STOP.bit();

    private final ControlPanel wired;
    private DriveRequest request = DriveRequest.STOP;
    private PanelReading taken;

    HoldToRunPanel(ControlPanel wired) {
        if (wired == null) {
            throw new IllegalArgumentException("wired must not be null");
        }
        this.wired = wired;
    }

    void request(DriveRequest newRequest) {
        if (newRequest == null) {
            throw new IllegalArgumentException("newRequest must not be null");
        }
        request = newRequest;
    }

    /**
     * The reading the procedure saw this tick, so that the controller's next read sees the same
     * hand rather than a second sample a few microseconds later; used once.
     */
    void use(PanelReading reading) {
        taken = reading;
    }

    @Override
    public PanelReading read() {
        PanelReading real = taken != null ? taken : wired.read();
        taken = null;
        int held = switch (request) {
            case TOWARD_INVERSION -> Button.DOWN.bit();
            case TOWARD_UPRIGHT -> Button.UP.bit();
            case STOP -> 0;
        };
        return PanelReading.of(real.estopStop(), real.homeSwitchAtHome(), (real.buttonsMask() & PASSED_THROUGH) | held);
    }

    @Override
    public void onEstopOpened(Runnable action) {
        wired.onEstopOpened(action);
    }
}

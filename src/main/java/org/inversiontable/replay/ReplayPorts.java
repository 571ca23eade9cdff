package org.inversiontable.replay;

import org.inversiontable.hardware.ControlPanel;
import org.inversiontable.hardware.Heartbeat;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.hardware.TiltSensor;

/**
 * The hardware ports of one replayed process: the tilt sensor and the panel return the readings
 * the trace recorded for the tick about to run, the H-bridge and the heartbeat keep what the
 * controller wrote, the indicators are dark (the trace does not record them).
 *
 * <pre>{@code
 * ReplayPorts ports = new ReplayPorts(boot.heartbeat());
 * ControlLoop loop = ControllerAssembly.build(config, ports.hardware(), clock);
 * ports.show(tiltReading, panelReading);   // before each tick
 * }</pre>
 */
final class ReplayPorts {
    private TiltReading tilt = TiltReading.NO_NEW_SAMPLE;
    private PanelReading panel = new PanelReading(true, false, 0);
    private boolean heartbeatHigh;
    private final TableHardware hardware;
    private final ReplayHBridge bridge = new ReplayHBridge();

    /** @param heartbeatHigh the WATCHDOG line's level when the process started (the trace's boot_heartbeat) */
    ReplayPorts(boolean heartbeatHigh) {
        this.heartbeatHigh = heartbeatHigh;
        TiltSensor sensor = () -> tilt;
        ControlPanel controlPanel = new ControlPanel() {
            @Override
            public PanelReading read() {
                return panel;
            }

            @Override
            public void onEstopOpened(Runnable action) {
                // The recorded run's e-stop events are re-injected from the trace's report_estop.
            }
        };
        Heartbeat heartbeat = new Heartbeat() {
            @Override
            public void toggle() {
                ReplayPorts.this.heartbeatHigh = !ReplayPorts.this.heartbeatHigh;
            }

            @Override
            public boolean high() {
                return ReplayPorts.this.heartbeatHigh;
            }
        };
        hardware = new TableHardware(sensor, controlPanel, bridge, (led, buzzer) -> { }, heartbeat);
    }

    ReplayHBridge bridge() {
        return bridge;
    }

    TableHardware hardware() {
        return hardware;
    }

    /** What the sensor and the panel read at the next tick. */
    void show(TiltReading tiltReading, PanelReading panelReading) {
        this.tilt = tiltReading;
        this.panel = panelReading;
    }
}

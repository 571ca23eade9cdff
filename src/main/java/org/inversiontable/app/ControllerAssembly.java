package org.inversiontable.app;

import org.inversiontable.config.Config;
import org.inversiontable.control.ButtonInterpreter;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.ControlSettings;
import org.inversiontable.control.TableController;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.safety.SafetySettings;
import org.inversiontable.safety.SafetySupervisor;
import org.inversiontable.time.Clock;

/**
 * Builds a complete control loop, from nothing but the configuration, the hardware ports and a
 * clock: what a process start (or a simulated power-cycle) does. Holds no state of its own.
 */
public final class ControllerAssembly {
    private ControllerAssembly() {
    }

    public static ControlLoop build(Config config, TableHardware hardware, Clock clock) {
        ControlSettings controlSettings = ControlSettings.from(config);
        TableController controller = new TableController(controlSettings,
                new ButtonInterpreter(controlSettings.stuckButtonS()));
        SafetySupervisor supervisor = new SafetySupervisor(SafetySettings.from(config, ControlLoop.PERIOD_NANOS),
                hardware.motor(), clock.nanoTime());
        return new ControlLoop(hardware, controller, supervisor, clock);
    }
}

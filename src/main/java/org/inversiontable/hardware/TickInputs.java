package org.inversiontable.hardware;

import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TiltReading;

/**
 * Everything the controller and the supervisor see in one tick, read once at its start
 * (STYLE: one direction per tick). The same snapshot stream drives the trace and the tests.
 */
public record TickInputs(long timeNanos, TiltReading tilt, PanelReading panel) {
}

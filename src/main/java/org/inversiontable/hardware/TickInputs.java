package org.inversiontable.hardware;


/**
 * Everything the controller and the supervisor see in one tick, read once at its start
 * (STYLE: one direction per tick). The same snapshot stream drives the trace and the tests.
 */
public record TickInputs(long timeNanos, TiltReading tilt, PanelReading panel) {
}

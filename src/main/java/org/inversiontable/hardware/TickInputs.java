package org.inversiontable.hardware;

import java.util.Objects;

/**
 * Everything the controller and the supervisor see in one tick, read once at its start
 * (STYLE: one direction per tick). The same snapshot stream drives the trace and the tests.
 *
 * <p>Not a record, so that the 100 Hz tick allocates nothing (SPEC §11): the control loop owns one
 * and {@linkplain #refill refills} it at the start of every tick, so it is valid until the next
 * tick and confined to the control thread; {@link #copy()} gives one that no tick changes. One made
 * with the constructor is never changed.
 */
public final class TickInputs {
    private final boolean reusable;
    private long timeNanos;
    private TiltReading tilt;
    private PanelReading panel;

    public TickInputs(long timeNanos, TiltReading tilt, PanelReading panel) {
        this.reusable = false;
        this.timeNanos = timeNanos;
        this.tilt = tilt;
        this.panel = panel;
    }

    private TickInputs() {
        this.reusable = true;
    }

    /** The control loop's own, to {@linkplain #refill refill} every tick. */
    public static TickInputs reusable() {
        return new TickInputs();
    }

    /**
     * This tick's inputs, over the previous tick's; only on a {@link #reusable()} one.
     *
     * @throws IllegalStateException on inputs made with the constructor, which never change
     */
    public void refill(long nowNanos, TiltReading newTilt, PanelReading newPanel) {
        if (!reusable) {
            throw new IllegalStateException("these inputs are a value: only the loop's own are refilled");
        }
        this.timeNanos = nowNanos;
        this.tilt = newTilt;
        this.panel = newPanel;
    }

    /** Inputs equal to these that no tick changes. */
    public TickInputs copy() {
        return new TickInputs(timeNanos, tilt == null ? null : tilt.copy(), panel);
    }

    public long timeNanos() {
        return timeNanos;
    }

    public TiltReading tilt() {
        return tilt;
    }

    public PanelReading panel() {
        return panel;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TickInputs other && timeNanos == other.timeNanos && Objects.equals(tilt, other.tilt)
                && Objects.equals(panel, other.panel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeNanos, tilt, panel);
    }

    @Override
    public String toString() {
        return "TickInputs[timeNanos=" + timeNanos + ", tilt=" + tilt + ", panel=" + panel + "]";
    }
}

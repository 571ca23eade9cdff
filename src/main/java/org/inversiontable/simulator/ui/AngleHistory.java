package org.inversiontable.simulator.ui;

import org.inversiontable.simulator.SimulatorStatus;

/**
 * The angles of the last {@link #WINDOW_S} seconds for the live chart: a fixed ring of samples,
 * so that a window left open for hours keeps a bounded memory.
 *
 * <pre>{@code
 * history.add(status);                       // each frame
 * for (int i = 0; i < history.size(); i++) { // oldest first
 *     plot(history.timeS(i), history.trueDeg(i), history.measDeg(i));
 * }
 * }</pre>
 */
final class AngleHistory {
    static final double WINDOW_S = 60.0;
    /** 60 s at the window's 30 Hz, with room to spare; older samples are overwritten. */
    static final int CAPACITY = 4096;

    private final double[] timeS = new double[CAPACITY];
    private final double[] trueDeg = new double[CAPACITY];
    private final double[] measDeg = new double[CAPACITY];
    private int start;
    private int size;

    /** Adds a sample; a status no newer than the last one (the same tick seen twice) is skipped. */
    void add(SimulatorStatus s) {
        add(s.timeS(), s.angleTrueDeg(), s.angleMeasDeg());
    }

    void add(double tS, double angleTrueDeg, double angleMeasDeg) {
        if (size > 0 && tS <= timeS(size - 1)) {
            return;
        }
        int at = (start + size) % CAPACITY;
        if (size == CAPACITY) {
            start = (start + 1) % CAPACITY;
        } else {
            size++;
        }
        timeS[at] = tS;
        trueDeg[at] = angleTrueDeg;
        measDeg[at] = angleMeasDeg;
        while (size > 1 && timeS(0) < tS - WINDOW_S) {
            start = (start + 1) % CAPACITY;
            size--;
        }
    }

    int size() {
        return size;
    }

    double timeS(int i) {
        return timeS[(start + i) % CAPACITY];
    }

    double trueDeg(int i) {
        return trueDeg[(start + i) % CAPACITY];
    }

    /** NaN where the controller had no sample: the chart leaves a gap, never a zero. */
    double measDeg(int i) {
        return measDeg[(start + i) % CAPACITY];
    }

    /** The time of the newest sample, or 0 when there is none. */
    double latestS() {
        return size == 0 ? 0.0 : timeS(size - 1);
    }
}

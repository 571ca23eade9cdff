package org.inversiontable.plot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the picture needs from the rows of one stretch of time, in a size that does not grow
 * with the number of rows: the extremes of each series, how many rows had each input line set and
 * each state, and the events (identical ones counted, not repeated).
 */
final class TimeBucket {
    final Extremes angleTrue = new Extremes();
    final Extremes angleMeas = new Extremes();
    final Extremes duty = new Extremes();
    final Extremes inverted = new Extremes();
    final Extremes limitAngle = new Extremes();
    final Extremes limitInverted = new Extremes();
    long rows;
    /** The times of the first and the last row, to tell a pause in the trace (a power cut) from a bucket's width. */
    double firstRowT = Double.NaN;
    double lastRowT = Double.NaN;
    long enabledRows;
    long homeSwitchRows;
    long estopRows;
    long noSampleRows;
    /** Rows per state, indexed as {@link StateNames} numbers them. */
    long[] stateRows = new long[0];
    /** Events by their text, in the order they first came; null while there are none. */
    Map<String, EventTally> events;

    void countState(int index) {
        if (index >= stateRows.length) {
            stateRows = Arrays.copyOf(stateRows, index + 1);
        }
        stateRows[index]++;
    }

    void countEvent(String text, double tS, boolean fault) {
        if (events == null) {
            events = new LinkedHashMap<>();
        }
        events.computeIfAbsent(text, k -> new EventTally(text, tS, fault)).count++;
    }

    /** Adds what {@code later} saw, which came after everything this one saw. */
    void merge(TimeBucket later) {
        angleTrue.merge(later.angleTrue);
        angleMeas.merge(later.angleMeas);
        duty.merge(later.duty);
        inverted.merge(later.inverted);
        limitAngle.merge(later.limitAngle);
        limitInverted.merge(later.limitInverted);
        if (rows == 0) {
            firstRowT = later.firstRowT;
        }
        if (later.rows > 0) {
            lastRowT = later.lastRowT;
        }
        rows += later.rows;
        enabledRows += later.enabledRows;
        homeSwitchRows += later.homeSwitchRows;
        estopRows += later.estopRows;
        noSampleRows += later.noSampleRows;
        if (later.stateRows.length > stateRows.length) {
            stateRows = Arrays.copyOf(stateRows, later.stateRows.length);
        }
        for (int i = 0; i < later.stateRows.length; i++) {
            stateRows[i] += later.stateRows[i];
        }
        if (later.events != null) {
            for (EventTally e : later.events.values()) {
                if (events == null) {
                    events = new LinkedHashMap<>();
                }
                EventTally mine = events.get(e.text);
                if (mine == null) {
                    events.put(e.text, e.copy());
                } else {
                    mine.count += e.count;
                }
            }
        }
    }

    /** An event's text, when it first came in the bucket, and how often. */
    static final class EventTally {
        final String text;
        final double firstT;
        final boolean fault;
        long count;

        EventTally(String text, double firstT, boolean fault) {
            this.text = text;
            this.firstT = firstT;
            this.fault = fault;
        }

        EventTally copy() {
            EventTally c = new EventTally(text, firstT, fault);
            c.count = count;
            return c;
        }
    }
}

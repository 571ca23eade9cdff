package org.inversiontable.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The time buckets gathered into pixel columns: each column the merge of the buckets that start in
 * it, so the picture draws at most one column of extremes per pixel however many rows there were.
 */
final class PlotColumns {
    /** One pixel column: its rows' aggregate, and whether a pause in the trace comes before it. */
    record Column(int index, TimeBucket rows, boolean pauseBefore) {
    }

    private PlotColumns() {
    }

    /**
     * @param pauseS a time between two rows longer than this is a pause in the trace (the lines
     *               break there instead of bridging a power cut)
     */
    static List<Column> of(TimeBuckets buckets, double durationS, int widthPx, double pauseS) {
        List<Column> columns = new ArrayList<>();
        TimeBucket current = null;
        int currentIndex = -1;
        boolean pause = false;
        double lastRowT = Double.NaN;
        for (int i = 0; i < buckets.used(); i++) {
            TimeBucket b = buckets.get(i);
            if (b == null || b.rows == 0) {
                continue;
            }
            int index = (int) Math.min(widthPx - 1, Math.floor(i * buckets.widthS() / durationS * widthPx));
            if (index != currentIndex) {
                if (current != null) {
                    columns.add(new Column(currentIndex, current, pause));
                }
                current = new TimeBucket();
                currentIndex = index;
                pause = !Double.isNaN(lastRowT) && b.firstRowT - lastRowT > pauseS;
            }
            current.merge(b);
            lastRowT = b.lastRowT;
        }
        if (current != null) {
            columns.add(new Column(currentIndex, current, pause));
        }
        return columns;
    }
}

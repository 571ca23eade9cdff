package org.inversiontable.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the short text labels of event markers so that none overlaps another: neighbouring
 * markers with the same text share one label ("warning ×12"), the rest go to the first of a few
 * stacked rows where they fit, and what fits nowhere keeps its marker line but loses its text
 * (counted, so the picture can say so).
 * <pre>{@code
 * EventLabels.Placement p = EventLabels.place(markers, 3, plotLeftPx, canvasRightPx);
 * }</pre>
 */
final class EventLabels {
    /** The font size of the labels, and the width of one of their characters (DejaVu Sans, generous). */
    static final double FONT_PX = 11;
    static final double CHAR_PX = 6.8;
    /** Same-text markers closer than this share one label. */
    static final double SAME_TEXT_MERGE_PX = 60;
    private static final double GAP_PX = 6;

    private EventLabels() {
    }

    /** A marker at {@code xPx}: what happened ({@code count} times, in one pixel column). */
    record Marker(double xPx, String text, boolean fault, long count) {
    }

    /**
     * A label: its text starts at {@code xPx} (ends there when {@code endAnchored}), in stacked row
     * {@code row} (0 nearest the plot).
     */
    record Label(double xPx, String text, boolean fault, int row, boolean endAnchored) {
    }

    record Placement(List<Label> labels, long unlabelled) {
    }

    static double widthPx(String text) {
        return text.length() * CHAR_PX;
    }

    /** @param markers sorted by x */
    static Placement place(List<Marker> markers, int rows, double leftPx, double rightPx) {
        List<Label> labels = new ArrayList<>();
        double[] rowEnd = new double[rows];
        java.util.Arrays.fill(rowEnd, Double.NEGATIVE_INFINITY);
        long unlabelled = 0;
        int i = 0;
        while (i < markers.size()) {
            Marker first = markers.get(i);
            long count = first.count();
            double lastX = first.xPx();
            int j = i + 1;
            while (j < markers.size() && markers.get(j).text().equals(first.text())
                    && markers.get(j).fault() == first.fault() && markers.get(j).xPx() - lastX < SAME_TEXT_MERGE_PX) {
                count += markers.get(j).count();
                lastX = markers.get(j).xPx();
                j++;
            }
            String text = count > 1 ? first.text() + " \u00d7" + count : first.text();
            double width = widthPx(text);
            boolean endAnchored = first.xPx() + 2 + width > rightPx;
            double start = endAnchored ? first.xPx() - 2 - width : first.xPx() + 2;
            start = Math.max(start, leftPx - 2);
            int row = -1;
            for (int r = 0; r < rows && row < 0; r++) {
                if (rowEnd[r] + GAP_PX <= start) {
                    row = r;
                }
            }
            if (row < 0) {
                unlabelled += count;
            } else {
                rowEnd[row] = start + width;
                labels.add(new Label(first.xPx(), text, first.fault(), row, endAnchored));
            }
            i = j;
        }
        return new Placement(labels, unlabelled);
    }
}

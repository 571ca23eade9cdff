package org.inversiontable.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Labels written beside the right end of the lines they name, moved apart just enough not to
 * overlap (the true and the measured angle end a fraction of a degree apart) and kept inside their
 * panel, so a reader finds each line's name where the line is.
 */
final class EndLabels {
    static final double LINE_PX = 13;

    private EndLabels() {
    }

    /**
     * A label for a line that ends at {@code yPx}; {@code placedYPx} is where its first line of text
     * goes; a second line ({@code note}, may be empty) goes under it.
     */
    record EndLabel(String text, String note, String colour, double yPx, double placedYPx) {
    }

    static double height(EndLabel l) {
        return l.note().isEmpty() ? LINE_PX : 2 * LINE_PX - 2;
    }

    static List<EndLabel> place(List<EndLabel> wanted, double topPx, double bottomPx) {
        List<EndLabel> sorted = new ArrayList<>(wanted);
        sorted.sort(Comparator.comparingDouble(EndLabel::yPx));
        int n = sorted.size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(sorted.get(i).yPx(), i == 0 ? topPx + LINE_PX / 2 : y[i - 1] + height(sorted.get(i - 1)));
        }
        for (int i = n - 1; i >= 0; i--) {
            double limit = i == n - 1 ? bottomPx - LINE_PX / 2 : y[i + 1] - LINE_PX;
            y[i] = Math.min(y[i], limit - height(sorted.get(i)) + LINE_PX);
        }
        List<EndLabel> placed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EndLabel l = sorted.get(i);
            placed.add(new EndLabel(l.text(), l.note(), l.colour(), l.yPx(), y[i]));
        }
        return placed;
    }
}

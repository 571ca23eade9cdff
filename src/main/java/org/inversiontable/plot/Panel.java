package org.inversiontable.plot;

/** One panel of the picture: where it sits on the page and the values its height spans. */
record Panel(String id, double topPx, double bottomPx, double lo, double hi) {
    double y(double value) {
        return bottomPx - (value - lo) / (hi - lo) * (bottomPx - topPx);
    }

    double heightPx() {
        return bottomPx - topPx;
    }

    /** The y of {@code value}, kept inside the panel (for a label beside a line that left it). */
    double yInside(double value) {
        return Math.max(topPx, Math.min(bottomPx, y(value)));
    }
}

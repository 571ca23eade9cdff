package org.inversiontable.plot;

/**
 * The {@code d} of one series' SVG path, in tenths of a pixel: a point equal to the one before is
 * dropped, and a flat run keeps only its two ends, so an hour at rest costs two points, not 360,000.
 * {@link #breakLine()} starts a new piece (a missing sample, a pause in the trace).
 */
final class SeriesPath {
    private final StringBuilder d = new StringBuilder(16 * 1024);
    private boolean newPiece = true;
    private long lastX;
    private long lastY;
    /** Where the last point's text starts in {@code d}, to move it along a flat run. */
    private int lastStart = -1;
    /** Whether the last point continued a flat run (same y as the one before it). */
    private boolean lastFlat;

    void add(double xPx, double yPx) {
        long x = Math.round(xPx * 10);
        long y = Math.round(yPx * 10);
        if (newPiece) {
            d.append(d.isEmpty() ? "M" : " M");
            lastStart = d.length();
            appendPoint(x, y);
            newPiece = false;
            lastFlat = false;
        } else if (x == lastX && y == lastY) {
            return;
        } else if (y == lastY && lastFlat) {
            d.setLength(lastStart);
            appendPoint(x, y);
        } else {
            lastFlat = y == lastY;
            d.append(' ');
            lastStart = d.length();
            appendPoint(x, y);
        }
        lastX = x;
        lastY = y;
    }

    void breakLine() {
        newPiece = true;
    }

    private void appendPoint(long x, long y) {
        appendTenths(x);
        d.append(',');
        appendTenths(y);
    }

    private void appendTenths(long tenths) {
        if (tenths < 0) {
            d.append('-');
            tenths = -tenths;
        }
        d.append(tenths / 10);
        if (tenths % 10 != 0) {
            d.append('.').append(tenths % 10);
        }
    }

    CharSequence d() {
        return d;
    }
}

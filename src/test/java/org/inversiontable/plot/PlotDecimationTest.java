package org.inversiontable.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.inversiontable.trace.TraceRow;
import org.w3c.dom.Document;
import org.junit.jupiter.api.Test;

/**
 * A 15-minute trace has 90,000 rows and a week-long one millions: the picture keeps one column of
 * extremes per pixel, so its size does not grow with the rows, and a spike of one tick (the moment
 * that matters) is still drawn at its full height.
 */
class PlotDecimationTest {
    private static final int MILLION = 1_000_000;
    private static final int SPIKE_TICK = 543_210;

    @Test
    void aMillionRowsMakeASmallPictureThatKeepsAOneRowSpike() {
        TracePlot plot = new TracePlot("long.jsonl");
        for (int tick = 0; tick < MILLION; tick++) {
            double angle = tick == SPIKE_TICK ? 85 : 10 + Math.sin(tick / 5000.0);
            double noise = (tick * 7919 % 101) / 100.0 - 0.5;
            plot.accept(new TraceRow(tick / 100.0, tick % 200_000 < 100_000 ? "HOLDING" : "MOVING", angle,
                    angle + noise, noise, tick % 3 == 0, tick / 200.0, false, false, null,
                    tick % 10_000 == 0 ? "warning" : null, tick % 2 == 0, 90, 900, null));
        }
        String svg = PlotTestTraces.svg(plot);
        int bytes = svg.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 300 * 1024, "the SVG of a million rows takes " + bytes + " bytes");
        Document doc = PlotTestTraces.parse(svg);
        List<double[]> truePoints = PlotTestTraces.pathPoints(doc, PlotPicture.TRUE_COLOUR);
        double highest = truePoints.stream().min(Comparator.comparingDouble(p -> p[1])).orElseThrow()[1];
        assertEquals(85, angleAt(doc, highest), 0.5, "the spike's extreme");
        double spikeX = truePoints.stream().min(Comparator.comparingDouble(p -> p[1])).orElseThrow()[0];
        double expectedX = PlotPicture.LEFT_PX + SPIKE_TICK / (MILLION - 1.0) * PlotPicture.PLOT_WIDTH_PX;
        assertEquals(expectedX, spikeX, 0.6, "the spike where it happened");
        assertTrue(truePoints.size() <= 4 * PlotPicture.PLOT_WIDTH_PX, truePoints.size() + " points");
        assertTrue(PlotTestTraces.texts(doc).contains("warning \u00d7100"), "100 warnings share one label");
    }

    @Test
    void theBucketsOfAWeekStayWithinTheirCapacityAndKeepEveryExtreme() {
        TimeBuckets buckets = new TimeBuckets(100);
        double week = 7 * 86400;
        for (double t = 0; t <= week; t += 10) {
            TimeBucket b = buckets.at(t);
            b.rows++;
            b.angleTrue.add(t, t == 302_400 ? -70 : 0);
        }
        assertTrue(buckets.used() <= 100, "used " + buckets.used());
        assertTrue(buckets.widthS() >= week / 100, "width " + buckets.widthS());
        double min = Double.POSITIVE_INFINITY;
        long rows = 0;
        for (int i = 0; i < buckets.used(); i++) {
            if (buckets.get(i) != null) {
                min = Math.min(min, buckets.get(i).angleTrue.min());
                rows += buckets.get(i).rows;
            }
        }
        assertEquals(-70, min);
        assertEquals(60_481, rows);
    }

    @Test
    void aFlatRunCostsTwoPointsNotOneAPixel() {
        SeriesPath path = new SeriesPath();
        for (int x = 0; x < 1000; x++) {
            path.add(x, 50);
        }
        path.add(1000, 60);
        assertEquals("M0,50 999,50 1000,60", path.d().toString());
    }

    /** The angle at {@code yPx}, read from the panel's own tick labels (0 deg and the highest tick). */
    private static double angleAt(Document doc, double yPx) {
        double y0 = tickY(doc, "0\u00b0");
        double y80 = tickY(doc, "80\u00b0");
        return 80 * (y0 - yPx) / (y0 - y80);
    }

    private static double tickY(Document doc, String label) {
        return PlotTestTraces.elements(doc, "text").stream().filter(e -> e.getTextContent().equals(label))
                .findFirst().map(e -> Double.parseDouble(e.getAttribute("y")) - 4).orElseThrow();
    }
}

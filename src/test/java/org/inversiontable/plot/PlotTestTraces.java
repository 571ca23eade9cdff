package org.inversiontable.plot;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.inversiontable.trace.TraceRow;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Rows and parsed pictures for the plot tests. */
final class PlotTestTraces {
    private PlotTestTraces() {
    }

    static TraceRow row(double tS, String state, double angleDeg, double duty, boolean enabled, double invertedS,
                        String fault, String event) {
        return new TraceRow(tS, state, angleDeg, angleDeg + 0.3, duty, enabled, invertedS, false, angleDeg < -60,
                fault, event, false, 70, 300, null);
    }

    /**
     * A short session at 100 Hz: boot, tilt down to 60 deg, hold, an e-stop and its reset, a
     * fault (motion_stall) that latches, all under a 70 deg limit and 300 s of inverted time.
     */
    static List<TraceRow> session() {
        List<TraceRow> rows = new ArrayList<>();
        double angle = -65;
        double inverted = 0;
        for (int tick = 0; tick <= 12_000; tick++) {
            double t = tick / 100.0;
            String state;
            String fault = null;
            String event = null;
            double duty = 0;
            if (t < 1) {
                state = "BOOT";
            } else if (t < 5) {
                state = "IDLE";
            } else if (t < 30) {
                state = "MOVING";
                duty = 0.5;
                angle = Math.min(60, angle + 0.05);
            } else if (t < 50) {
                state = "HOLDING";
            } else if (t < 70) {
                state = "ESTOP";
                event = tick == 5000 ? "estop" : null;
            } else if (t < 90) {
                state = "HOLDING";
                event = tick == 7000 ? "reset" : null;
            } else {
                state = "FAULT";
                fault = "motion_stall";
                event = tick == 9000 ? "motion_stall" : null;
            }
            if (angle > 0) {
                inverted += 0.01;
            }
            rows.add(row(t, state, angle, duty, duty != 0, inverted, fault, event));
        }
        return rows;
    }

    static String svg(TracePlot plot) {
        StringWriter out = new StringWriter();
        try {
            plot.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses the SVG as XML: throws when it is not well-formed. */
    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static List<String> texts(Document doc) {
        return elements(doc, "text").stream().map(Element::getTextContent).toList();
    }

    /** The points of the path drawn in {@code colour} (its pieces joined). */
    static List<double[]> pathPoints(Document doc, String colour) {
        List<double[]> points = new ArrayList<>();
        for (Element path : elements(doc, "path")) {
            if (colour.equals(path.getAttribute("stroke"))) {
                for (String token : path.getAttribute("d").replace("M", " ").trim().split("\\s+")) {
                    String[] xy = token.split(",");
                    points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
                }
            }
        }
        return points;
    }
}

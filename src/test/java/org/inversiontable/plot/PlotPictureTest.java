package org.inversiontable.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8 {@code plot}: a reader understands the picture without a legend. Every series is drawn
 * and named where it ends, the limit in force carries its value, the bands carry their state, the
 * events and faults their text, and the document is well-formed SVG whatever the names contain.
 */
class PlotPictureTest {
    private static Document session() {
        TracePlot plot = new TracePlot("session.jsonl");
        PlotTestTraces.session().forEach(plot);
        return PlotTestTraces.parse(PlotTestTraces.svg(plot));
    }

    @Test
    void thePictureIsWellFormedSvgOfAFixedSize() {
        Document doc = session();
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("1200", root.getAttribute("width"));
        assertEquals("800", root.getAttribute("height"));
    }

    @Test
    void everySeriesIsDrawnAndNamedAtItsEnd() {
        Document doc = session();
        List<String> texts = PlotTestTraces.texts(doc);
        for (String name : List.of("true angle", "measured angle", "duty", "inverted time", "0\u00b0 = horizontal",
                "home switch", "e-stop pressed")) {
            assertTrue(texts.contains(name), name + " missing from " + texts);
        }
        for (String colour : List.of(PlotPicture.TRUE_COLOUR, PlotPicture.MEAS_COLOUR, PlotPicture.DUTY_COLOUR,
                PlotPicture.INVERTED_COLOUR, PlotPicture.LIMIT_COLOUR)) {
            assertFalse(PlotTestTraces.pathPoints(doc, colour).isEmpty(), "no line drawn in " + colour);
        }
    }

    @Test
    void theLimitsInForceAreDashedRedLinesLabelledWithTheirValue() {
        Document doc = session();
        List<String> texts = PlotTestTraces.texts(doc);
        assertTrue(texts.contains("angle limit 70\u00b0"), texts::toString);
        assertTrue(texts.contains("time limit 300 s"), texts::toString);
        long dashedRed = PlotTestTraces.elements(doc, "path").stream()
                .filter(p -> p.getAttribute("stroke").equals(PlotPicture.LIMIT_COLOUR))
                .filter(p -> !p.getAttribute("stroke-dasharray").isEmpty()).count();
        assertEquals(2, dashedRed);
        // The angle limit's line sits where the 70 deg label says: between the 60 and 80 deg ticks.
        double y70 = PlotTestTraces.pathPoints(doc, PlotPicture.LIMIT_COLOUR).get(0)[1];
        assertTrue(y70 < tickY(doc, "60\u00b0") && y70 > tickY(doc, "80\u00b0"), "y of the limit " + y70);
    }

    @Test
    void theStateBandsCarryTheirNames() {
        List<String> texts = PlotTestTraces.texts(session());
        for (String state : List.of("MOVING", "HOLDING", "ESTOP", "FAULT")) {
            assertTrue(texts.contains(state), state + " missing from " + texts);
        }
    }

    @Test
    void aFaultIsMarkedInRedWithItsCodeAndAnEventWithItsText() {
        Document doc = session();
        Element fault = textElement(doc, "motion_stall");
        assertEquals(PlotPicture.LIMIT_COLOUR, fault.getAttribute("fill"));
        textElement(doc, "estop");
        textElement(doc, "reset");
        long faultLines = PlotTestTraces.elements(doc, "line").stream()
                .filter(l -> l.getAttribute("stroke").equals(PlotPicture.LIMIT_COLOUR))
                .filter(l -> l.getAttribute("x1").equals(l.getAttribute("x2")))
                .filter(l -> Double.parseDouble(l.getAttribute("y2")) - Double.parseDouble(l.getAttribute("y1")) > 300)
                .count();
        assertEquals(1, faultLines, "one red marker line, across the panels, at the fault");
    }

    @Test
    void theTitleNamesTheFileDurationMaxAngleAndMaxInvertedTime() {
        String title = PlotTestTraces.texts(session()).get(0);
        assertTrue(title.startsWith("session.jsonl"), title);
        assertTrue(title.contains("120.0 s"), title);
        assertTrue(title.contains("max true angle 60.0\u00b0"), title);
        assertTrue(title.contains("max inverted time"), title);
    }

    @Test
    void namesWithMarkupAreEscapedAndNumbersIgnoreTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            TracePlot plot = new TracePlot("a<b & \"c\".jsonl");
            PlotTestTraces.session().forEach(plot);
            String svg = PlotTestTraces.svg(plot);
            Document doc = PlotTestTraces.parse(svg);
            assertTrue(PlotTestTraces.texts(doc).get(0).startsWith("a<b & \"c\".jsonl"));
            assertTrue(PlotTestTraces.texts(doc).get(0).contains("60.0\u00b0"), "no decimal comma in the title");
            for (Element rect : PlotTestTraces.elements(doc, "rect")) {
                assertFalse(rect.getAttribute("x").contains(","), rect.getAttribute("x"));
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMissingMeasuredSampleBreaksTheMeasuredLineInsteadOfBridgingIt() {
        TracePlot plot = new TracePlot("gap.jsonl");
        for (int tick = 0; tick < 3000; tick++) {
            double meas = tick >= 1000 && tick < 2000 ? Double.NaN : 10;
            plot.accept(new org.inversiontable.trace.TraceRow(tick / 100.0, "HOLDING", 10, meas, 0, false, 1, false,
                    false, null, null, false, 30, 180, null));
        }
        Document doc = PlotTestTraces.parse(PlotTestTraces.svg(plot));
        String d = PlotTestTraces.elements(doc, "path").stream()
                .filter(p -> p.getAttribute("stroke").equals(PlotPicture.MEAS_COLOUR)).findFirst().orElseThrow()
                .getAttribute("d");
        assertEquals(2, d.chars().filter(c -> c == 'M').count(), d);
    }

    private static double tickY(Document doc, String label) {
        return Double.parseDouble(textElement(doc, label).getAttribute("y")) - 4;
    }

    private static Element textElement(Document doc, String text) {
        return PlotTestTraces.elements(doc, "text").stream().filter(e -> e.getTextContent().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no text '" + text + "' in " + PlotTestTraces.texts(doc)));
    }
}

package org.inversiontable.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event labels never overlap: identical neighbours merge, others stagger, the rest are counted. */
class PlotEventLabelsTest {
    private static EventLabels.Marker at(double x, String text) {
        return new EventLabels.Marker(x, text, false, 1);
    }

    @Test
    void manyIdenticalEventsCloseTogetherShareOneLabel() {
        List<EventLabels.Marker> markers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            markers.add(at(100 + i * 0.1, "warning"));
        }
        EventLabels.Placement p = EventLabels.place(markers, 3, 0, 1200);
        assertEquals(List.of(new EventLabels.Label(100, "warning \u00d7500", false, 0, false)), p.labels());
        assertEquals(0, p.unlabelled());
    }

    @Test
    void labelsThatWouldOverlapGoToDifferentRows() {
        EventLabels.Placement p = EventLabels.place(List.of(at(100, "auto_return"), at(130, "flat_rest")), 3, 0, 1200);
        assertEquals(2, p.labels().size());
        assertNotEquals(p.labels().get(0).row(), p.labels().get(1).row());
    }

    @Test
    void whatFitsNowhereKeepsItsMarkerAndIsCounted() {
        List<EventLabels.Marker> markers = List.of(at(100, "estop"), at(101, "reset"), at(102, "motion_stall"),
                at(103, "warning"), at(104, "flat_rest"));
        EventLabels.Placement p = EventLabels.place(markers, 3, 0, 1200);
        assertEquals(3, p.labels().size());
        assertEquals(2, p.unlabelled());
    }

    @Test
    void aLabelAtTheRightEdgeEndsAtItsMarker() {
        EventLabels.Placement p = EventLabels.place(List.of(at(1190, "auto_return")), 3, 0, 1200);
        assertTrue(p.labels().get(0).endAnchored());
    }
}

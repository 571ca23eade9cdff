package org.inversiontable.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.inversiontable.control.TableState;

/**
 * The states a trace names, numbered in the order they first appear, with the colour of each
 * state's band. Names the controller does not know (a newer trace) get a neutral colour, not an
 * error: the plot draws any trace.
 */
final class StateNames {
    /** Pale, so the lines drawn over them stay readable; the alarming states warmer. */
    private static final Map<String, String> COLOURS = Map.of(
            TableState.BOOT.name(), "#e5e7eb",
            TableState.IDLE.name(), "#f1f5f9",
            TableState.MOVING.name(), "#dbeafe",
            TableState.HOLDING.name(), "#dcfce7",
            TableState.RETURNING.name(), "#fef3c7",
            TableState.ESTOP.name(), "#fecaca",
            TableState.FAULT.name(), "#fca5a5",
            TableState.LIMP_HOME.name(), "#fed7aa");
    private static final String OTHER_COLOUR = "#ede9fe";
    /**
     * A pixel column that saw one of these shows it even when it was brief: an e-stop of one tick
     * in a week-long trace must not vanish under the hours of HOLDING around it.
     */
    private static final List<String> SHOWN_EVEN_WHEN_BRIEF = List.of(TableState.FAULT.name(),
            TableState.ESTOP.name(), TableState.LIMP_HOME.name(), TableState.RETURNING.name());
    static final String NO_STATE = "(none)";

    private final Map<String, Integer> indices = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int indexOf(String state) {
        String name = state == null ? NO_STATE : state;
        Integer i = indices.get(name);
        if (i == null) {
            i = names.size();
            names.add(name);
            indices.put(name, i);
        }
        return i;
    }

    String name(int index) {
        return names.get(index);
    }

    /** The states in the order they first appeared. */
    List<String> names() {
        return List.copyOf(names);
    }

    static String colour(String state) {
        return COLOURS.getOrDefault(state, OTHER_COLOUR);
    }

    /** The state a column shows: an alarming one if it saw any, else the one it saw most; -1 if none. */
    int shown(long[] stateRows) {
        for (String alarming : SHOWN_EVEN_WHEN_BRIEF) {
            Integer i = indices.get(alarming);
            if (i != null && i < stateRows.length && stateRows[i] > 0) {
                return i;
            }
        }
        int best = -1;
        for (int i = 0; i < stateRows.length; i++) {
            if (stateRows[i] > 0 && (best < 0 || stateRows[i] > stateRows[best])) {
                best = i;
            }
        }
        return best;
    }
}

package org.inversiontable.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's end can be written to the history twice: the controller appends the line, then a
 * power cut comes before the journal records that the session has ended, and at the next boot the
 * journal ends it again. Both lines carry the journal's session number; the later one stands,
 * since it is what the journal (and the progression) last held. Lines without a number (0, written
 * before it was kept) are all distinct sessions.
 */
final class HistoryDuplicates {
    private HistoryDuplicates() {
    }

    /** The records in file order, each session id above 0 once: at the place of its last line. */
    static List<HistoryRecord> laterLineStands(List<HistoryRecord> records) {
        Map<Long, Integer> lastLine = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sessionId() > 0) {
                lastLine.put(records.get(i).sessionId(), i);
            }
        }
        List<HistoryRecord> kept = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            HistoryRecord r = records.get(i);
            if (r.sessionId() <= 0 || lastLine.get(r.sessionId()) == i) {
                kept.add(r);
            }
        }
        return kept;
    }
}

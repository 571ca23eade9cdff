package org.inversiontable.session;

import java.util.List;

/**
 * The sessions read from a history file, and a warning for every line that had to be skipped.
 *
 * @param records  the whole records, in file order
 * @param warnings one per skipped line, naming its line number
 */
public record HistoryReadResult(List<HistoryRecord> records, List<String> warnings) {
    public HistoryReadResult {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }
}

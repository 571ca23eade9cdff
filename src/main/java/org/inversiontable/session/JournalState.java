package org.inversiontable.session;

import java.util.Objects;

/**
 * What {@link SessionJournal#load()} found. A caller must treat {@link Corrupt} as "inverted-time
 * budget spent": a journal that cannot be trusted must never grant a fresh budget to someone
 * who may already have hung inverted for the whole limit.
 */
public sealed interface JournalState {
    /** No journal: the first start on this machine, a fresh session budget. */
    record Empty() implements JournalState {
    }

    /** The last state saved completely. */
    record Loaded(SessionSnapshot snapshot) implements JournalState {
        public Loaded {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /** A journal exists but cannot be read or trusted. */
    record Corrupt(String reason) implements JournalState {
        public Corrupt {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package org.inversiontable.runtime;

import org.inversiontable.control.TickRecord;

/**
 * What a host runs on the control thread around each tick: the desktop simulator advances its
 * physics in {@link #beforeTick} and publishes a status snapshot in {@link #afterTick}; a flight
 * recorder turns the record into a trace row there and hands it to {@link
 * AsyncSessionStorage#offerRow}. Both run on the control thread inside the tick's time budget:
 * they must not block, and what they throw is a failure of the control thread (motor off, exit 1).
 *
 * <pre>{@code
 * TickHooks hooks = new TickHooks() {
 *     public void beforeTick(long nowNanos) { table.advanceTo(nowNanos); }
 *     public void afterTick(TickRecord r) { status.publish(r); storage.offerRow(recorder.row(r)); }
 * };
 * }</pre>
 */
public interface TickHooks {
    /** No hooks: the table alone. */
    TickHooks NONE = new TickHooks() {
    };

    /** Just before the tick reads its inputs; {@code nowNanos} is the runtime clock's time at wake-up. */
    default void beforeTick(long nowNanos) {
    }

    /**
     * Just after the tick, with what it saw and did (the session keeper's event included): the
     * loop's own record, which the next tick refills; what goes to another thread is made from it
     * here (a trace row, a status, {@link TickRecord#copy()}), never the record itself.
     */
    default void afterTick(TickRecord record) {
    }
}

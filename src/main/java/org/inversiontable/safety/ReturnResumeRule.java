package org.inversiontable.safety;

import org.inversiontable.hardware.Button;

/**
 * When a due automatic return may run (SPEC §4, §7): after boot, and after every latch that
 * stopped it (the e-stop, a fault that leaves the angle or the drive untrusted), a due return
 * waits for a fresh press of UP or HOME; a reset never moves the table, and other buttons do
 * nothing while it waits. A press of any button when no return is due is the user taking the
 * table over: a return that falls due later runs by itself again, as it does in any session.
 *
 * <pre>{@code
 * rule.update(returnBlockedByALatch, pressEdges, returnDue);   // every tick, after the latches
 * if (!rule.awaitsPress() && returnDue) { start the return }
 * if (rule.pending(returnActive, returnDue)) { refuse every drive; only UP and HOME count }
 * }</pre>
 */
final class ReturnResumeRule {
    private boolean awaitsPress = true;

    /**
     * @param blockedByALatch a latch stops the return this tick
     * @param pressEdges      buttons pressed this tick that were released the tick before
     * @param returnDue       the budget calls for the return and the table is still inverted
     */
    void update(boolean blockedByALatch, int pressEdges, boolean returnDue) {
        if (blockedByALatch) {
            awaitsPress = true;
            return;
        }
        boolean upOrHome = Button.UP.in(pressEdges) || Button.HOME.in(pressEdges);
        if (upOrHome || pressEdges != 0 && !returnDue) {
            awaitsPress = false;
        }
    }

    /** No press since boot or since the last latch that stopped the return. */
    boolean awaitsPress() {
        return awaitsPress;
    }

    /** A due return that is not running waits for UP or HOME: nothing else may move the table. */
    boolean pending(boolean returnActive, boolean returnDue) {
        return awaitsPress && !returnActive && returnDue;
    }
}

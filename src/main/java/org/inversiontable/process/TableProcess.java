package org.inversiontable.process;

import org.inversiontable.safety.SessionLimits;

import org.inversiontable.safety.TableEvent;
import java.util.Objects;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TickRecord;
import java.util.OptionalDouble;
import org.inversiontable.safety.SafetySupervisor;

/**
 * What a process start builds (SPEC §7): the control loop and the keeper of its session, with
 * the journaled session already handed to the supervisor before the first tick. A restart, real
 * or simulated, builds a new one; nothing else survives it.
 *
 * <pre>{@code
 * TableProcess process = ControllerAssembly.start(config, hardware, clock, wallClock, journalDir);
 * TickRecord record = process.tick();      // every 10 ms
 * }</pre>
 *
 * <p>Confined to the control thread: the loop, the supervisor and the keeper are not shared (other
 * threads reach the supervisor through the gate's {@code TroubleReports} only).
 */
public final class TableProcess {
    private final ControlLoop loop;
    private final SessionKeeper keeper;
    private final SessionKeeper.Restore restored;
    private final long minRestMillis;

    /**
     * @param storedPreset the preset angle read at this start, if any
     * @param maxInvertedS the budget that counts as spent when the journal cannot be trusted
     */
    public TableProcess(ControlLoop loop, SessionKeeper keeper, OptionalDouble storedPreset, double maxInvertedS) {
        this(loop, keeper, storedPreset, maxInvertedS, 0L);
    }

    /**
     * @param minRestMillis SPEC §13: no session starts sooner than this after the last one ended (0: off)
     */
    public TableProcess(ControlLoop loop, SessionKeeper keeper, OptionalDouble storedPreset, double maxInvertedS,
            long minRestMillis) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.minRestMillis = minRestMillis;
        storedPreset.ifPresent(loop.controller()::restorePreset);
        this.restored = keeper.restore();
        // The limits first: the carried-over session is held to the limits of its profile and level.
        applyProfileLimits();
        loop.supervisor().restoreSession(restored.budgetSpent() ? maxInvertedS : restored.invertedS(),
                restored.active(), restored.returnRan(), restored.noJournal());
    }

    /** One control tick, then the session's bookkeeping; file trouble never stops the tick. */
    public TickRecord tick() {
        SafetySupervisor supervisor = loop.supervisor();
        supervisor.refuseSessionStart(keeper.restNotOver(minRestMillis, loop.nowNanos()));
        TickRecord record = loop.tick();
        if (record.event() == TableEvent.PRESET_STORED) {
            keeper.storePreset(loop.controller().presetDeg());
        } else if (record.event() == TableEvent.PROFILE_SELECTED) {
            int n = supervisor.sessionActive() ? 0 : keeper.selectNextProfile();
            if (n == 0) {
                // No profile to select, or a session is open: HOME held at home did nothing.
                record = record.withEvent(null);
            } else {
                loop.announceNumber(n);
            }
        }
        TableEvent event = keeper.onTick(record, supervisor.invertedS(), supervisor.sessionActive());
        if (keeper.takeLimitsChanged()) {
            applyProfileLimits();
        }
        if (event == null) {
            return record;
        }
        return record.withEvent(event);
    }

    /**
     * The profile in force and its level set the limits of the next session (SPEC §13): the
     * supervisor holds them (it keeps a running session's until it ends) and the controller plans
     * within them; the records name them from the next tick on.
     */
    private void applyProfileLimits() {
        ProfileRoster roster = keeper.roster();
        SessionLimits limits = roster.limits();
        loop.supervisor().limitSessions(limits);
        loop.controller().limitMoves(limits);
        loop.showProfile(roster.inForce(), roster.level());
    }

    /**
     * Journals the running session as it stands now: the orderly stop's last save. Only once the
     * ticks have stopped, on the thread that stopped them.
     */
    public void saveSessionNow() {
        keeper.saveNow();
    }

    public ControlLoop loop() {
        return loop;
    }

    /** What the journal held at this start. */
    public SessionKeeper.Restore restored() {
        return restored;
    }
}

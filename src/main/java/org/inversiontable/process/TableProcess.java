package org.inversiontable.process;

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

    /**
     * @param storedPreset the preset angle read at this start, if any
     * @param maxInvertedS the budget that counts as spent when the journal cannot be trusted
     */
    public TableProcess(ControlLoop loop, SessionKeeper keeper, OptionalDouble storedPreset, double maxInvertedS) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        storedPreset.ifPresent(loop.controller()::restorePreset);
        this.restored = keeper.restore();
        loop.supervisor().restoreSession(restored.budgetSpent() ? maxInvertedS : restored.invertedS(),
                restored.active(), restored.returnRan(), restored.noJournal());
    }

    /** One control tick, then the session's bookkeeping; file trouble never stops the tick. */
    public TickRecord tick() {
        TickRecord record = loop.tick();
        if (record.event() == TableEvent.PRESET_STORED) {
            keeper.storePreset(loop.controller().presetDeg());
        }
        SafetySupervisor supervisor = loop.supervisor();
        TableEvent event = keeper.onTick(record, supervisor.invertedS(), supervisor.sessionActive());
        if (event == null) {
            return record;
        }
        return record.withEvent(event);
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

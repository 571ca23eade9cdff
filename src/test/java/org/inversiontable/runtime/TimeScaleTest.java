package org.inversiontable.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.inversiontable.time.Clock;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

class TimeScaleTest {
    @Test
    void theTablesClockRunsKTimesSlowerAndEveryWaitLastsKTimesLonger() {
        ManualClock machine = new ManualClock(0L);
        TimeScale scale = TimeScale.of(4);
        Clock table = scale.clock(machine);
        machine.advanceNanos(40_000_000L);
        assertEquals(10_000_000L, table.nanoTime(), "40 ms of the machine's time is one 10 ms tick of the table's");
        List<Long> parked = new ArrayList<>();
        scale.parker(parked::add).parkNanos(10_000_000L);
        assertEquals(List.of(40_000_000L), parked);
    }

    @Test
    void realTimeIsTheMachinesOwnClockAndParker() {
        ManualClock machine = new ManualClock(0L);
        Parker parker = nanos -> { };
        assertSame(machine, TimeScale.REAL.clock(machine));
        assertSame(parker, TimeScale.of(1).parker(parker));
    }

    @Test
    void aScaleOutsideOneToTwentyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TimeScale.of(0));
        assertThrows(IllegalArgumentException.class, () -> TimeScale.of(21));
        assertEquals(20, TimeScale.of(20).factor());
    }
}

package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

class SimulatorLineCommandsTest {
    private final FakeSimulatorControls fake = new FakeSimulatorControls();
    private final ManualClock clock = new ManualClock(0);
    private final AtomicInteger quits = new AtomicInteger();
    private final TerminalKeys keys = new TerminalKeys(fake, clock, quits::incrementAndGet);
    private final List<String> said = new ArrayList<>();
    private final LineCommands lines = new LineCommands(fake, keys, said::add, quits::incrementAndGet);

    @Test
    void downTwoHoldsDownForTwoSecondsAndTheReaderWaitsThatLong() {
        assertEquals(2.0, lines.execute("down 2"));
        clock.advanceNanos(1_999_000_000L);
        keys.tick();
        assertEquals(List.of("DOWN down"), fake.calls());
        clock.advanceNanos(1_000_000L);
        keys.tick();
        assertEquals(List.of("DOWN down", "DOWN up"), fake.calls());
    }

    @Test
    void scenarioWordsInjectAndClear() {
        lines.execute("fault imu stale");
        lines.execute("fault home-switch stuck-open");
        lines.execute("clear imu");
        lines.execute("estop press");
        lines.execute("estop release");
        lines.execute("weight 95");
        assertEquals(List.of("inject IMU_STALE", "inject HOME_SWITCH_STUCK_OPEN", "clear IMU", "estop on",
                "estop off", "kg 95"), fake.calls());
    }

    @Test
    void stopHoldIsLongEnoughForTheReset() {
        assertTrue(lines.execute("stop hold") >= 2.0);
        assertEquals(List.of("STOP down"), fake.calls());
    }

    @Test
    void badLinesAreAnsweredNeverThrown() {
        for (String bad : List.of("fly", "down -1", "down x", "weight 500", "fault imu", "clear all", "down 99999")) {
            assertEquals(0.0, lines.execute(bad), bad);
        }
        assertEquals(7, said.size(), said::toString);
        assertEquals(List.of(), fake.calls());
        assertTrue(said.get(3).startsWith("refused: user_kg"), said.get(3));
    }

    @Test
    void quitReleasesAndQuits() {
        lines.execute("up 5");
        lines.execute("quit");
        assertEquals(List.of("UP down", "UP up"), fake.calls());
        assertEquals(1, quits.get());
    }

    @Test
    void blankLinesAndCommentsDoNothing() {
        assertEquals(0.0, lines.execute("   "));
        assertEquals(0.0, lines.execute("# a comment"));
        assertEquals(List.of(), said);
    }
}

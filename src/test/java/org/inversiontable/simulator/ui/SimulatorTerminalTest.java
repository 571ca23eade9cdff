package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The terminal face on piped input: it reads lines, acts on them, and quits at the end of the input. */
class SimulatorTerminalTest {
    @Test
    void pipedLinesActAndTheEndOfInputQuitsWithEveryButtonReleased() throws Exception {
        FakeSimulatorControls fake = new FakeSimulatorControls();
        CountDownLatch quit = new CountDownLatch(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String script = "fault motor stall\nclear motor\nestop press\nfly away\nestop release\nup 0.05\n";
        TerminalSimulator t = TerminalSimulator.start(fake, quit::countDown,
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        assertFalse(t.raw());
        assertTrue(quit.await(10, TimeUnit.SECONDS), "the end of the input quits");
        assertEquals(List.of("inject MOTOR_STALL", "clear MOTOR", "estop on", "estop off", "UP down", "UP up"),
                fake.calls());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("unknown command 'fly away'"), out);
        assertTrue(out.contains("end of input"), out);
    }
}

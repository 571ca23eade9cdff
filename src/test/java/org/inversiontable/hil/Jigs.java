package org.inversiontable.hil;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The one factory of the {@code hil} suite: the jig of this machine, or an aborted test that says
 * why. Never a silent pass: the reason is printed to stdout (the surefire report and the console
 * of {@code scripts/hil.sh} show it) before the test is aborted, which JUnit reports as skipped.
 *
 * <pre>{@code
 * @BeforeEach void setUp() { jig = Jigs.current(); }   // a RealPiJig on a Pi, else aborted
 * }</pre>
 */
public final class Jigs {
    /** The reason a machine that is not the jig gives, word for word (scripts/hil.sh prints the same). */
    public static final String NOT_A_PI = "not a Raspberry Pi (no /dev/gpiochip0 with the Pi's labels"
            + " / /proc/device-tree/model): the HIL suite needs the jig of hardware/HIL-JIG.md";

    private Jigs() {
    }

    /** The emulated Pi when this JVM runs in one (-Dhil.emulated-pi), else the jig wired to this machine; aborts the calling test, with the reason printed, where there is none. */
    public static Jig current() {
        return current(PiDetection.at(Path.of("/")));
    }

    static Jig current(PiDetection detection) {
        Optional<EmulatedPi> emulated = EmulatedPi.fromSystemProperty();
        if (emulated.isPresent()) {
            return new EmulatedPiJig(emulated.get());
        }
        Optional<String> model = detection.boardModel();
        if (model.isEmpty()) {
            System.out.println("HIL skipped: " + NOT_A_PI + " [" + detection.findings() + "]");
            Assumptions.abort(NOT_A_PI);
        }
        return new RealPiJig(model.get());
    }
}

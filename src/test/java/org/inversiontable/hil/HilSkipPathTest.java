package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The desktop's view of the {@code hil} suite (normal build, not tagged): off a Pi every hil class
 * is aborted with the reason printed, never passed; and the Pi is recognised from its files.
 */
class HilSkipPathTest {
    private static final Path HIL_SOURCES = Path.of("src/test/java/org/inversiontable/hil");

    @Test
    void offAPiTheFactoryAbortsWithTheReasonPrinted(@TempDir Path notAPi) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        TestAbortedException aborted;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            aborted = assertThrows(TestAbortedException.class, () -> Jigs.current(PiDetection.at(notAPi)));
        } finally {
            System.setOut(saved);
        }
        assertTrue(aborted.getMessage().contains(Jigs.NOT_A_PI), aborted.getMessage());
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("HIL skipped: " + Jigs.NOT_A_PI), "the reason must be printed, not only thrown: " + out);
        assertTrue(out.contains("no /proc/device-tree/model, no /dev/gpiochip0"), "what was found: " + out);
    }

    @Test
    void everyHilClassOnThisDesktopIsAbortedWithTheReasonNeverPassed() throws Exception {
        assumeTrue(PiDetection.at(Path.of("/")).boardModel().isEmpty(), "this machine is a Pi: the hil suite runs for real");
        List<Class<?>> hilClasses = hilTaggedClasses();
        assertTrue(hilClasses.size() >= 5, "the hil classes found: " + hilClasses);
        for (Class<?> hil : hilClasses) {
            Object instance = construct(hil);
            Method connect = findConnectJig(hil);
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> connect.invoke(instance),
                    hil.getSimpleName() + " got a jig on a desktop");
            TestAbortedException aborted = assertInstanceOf(TestAbortedException.class, thrown.getCause(),
                    hil.getSimpleName() + " failed instead of being skipped");
            assertEquals(Jigs.NOT_A_PI, aborted.getMessage(), hil.getSimpleName());
        }
    }

    @Test
    void aRaspberryPiIsRecognisedByItsModelAndItsGpioChip(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("proc/device-tree"));
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("proc/device-tree/model"), "Raspberry Pi 4 Model B Rev 1.5\0");
        assertEquals(Optional.empty(), PiDetection.at(root).boardModel(), "a model without /dev/gpiochip0");
        Files.writeString(root.resolve("dev/gpiochip0"), "");
        assertEquals(Optional.of("Raspberry Pi 4 Model B Rev 1.5"), PiDetection.at(root).boardModel());
        Files.writeString(root.resolve("proc/device-tree/model"), "linux,dummy-virt\0");
        assertFalse(PiDetection.at(root).boardModel().isPresent(), "another board with a GPIO chip is not the jig");
    }

    /** The hil classes read from the sources, so that a new one cannot escape this check. */
    private static List<Class<?>> hilTaggedClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(HIL_SOURCES)) {
            for (Path file : files.sorted().toList()) {
                if (Files.readString(file).contains("@Tag(\"hil\")")) {
                    String name = file.getFileName().toString().replace(".java", "");
                    found.add(Class.forName(HilSkipPathTest.class.getPackageName() + "." + name));
                }
            }
        }
        return found;
    }

    private static Object construct(Class<?> type) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static Method findConnectJig(Class<?> type) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("connectJig") && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + " has no connectJig(): every hil class takes its jig there");
    }
}

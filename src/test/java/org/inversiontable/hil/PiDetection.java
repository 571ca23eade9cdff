package org.inversiontable.hil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this machine is a Raspberry Pi that the HIL suite can drive, read from the files
 * themselves (no Pi4J: its board detection logs errors off a Pi and says nothing about the chip).
 *
 * <pre>{@code
 * Optional<String> model = PiDetection.at(Path.of("/")).boardModel();   // "Raspberry Pi 4 Model B Rev 1.5"
 * }</pre>
 *
 * @param root the file system root ("/" in use; a temporary directory in the tests)
 */
record PiDetection(Path root) {
    static PiDetection at(Path root) {
        return new PiDetection(root);
    }

    /** The board's model when this is a Raspberry Pi with a GPIO character device, else empty. */
    Optional<String> boardModel() {
        Path model = root.resolve("proc/device-tree/model");
        Path chip = root.resolve("dev/gpiochip0");
        if (!Files.isReadable(model) || !Files.exists(chip)) {
            return Optional.empty();
        }
        try {
            // The device tree's strings end with a NUL.
            String text = Files.readString(model).replace("\0", "").trim();
            return text.startsWith("Raspberry Pi") ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What was found, for the skip message: "no /proc/device-tree/model", ... */
    String findings() {
        Path model = root.resolve("proc/device-tree/model");
        String modelText;
        try {
            modelText = Files.isReadable(model)
                    ? "/proc/device-tree/model says '" + Files.readString(model).replace("\0", "").trim() + "'"
                    : "no /proc/device-tree/model";
        } catch (IOException e) {
            modelText = "/proc/device-tree/model unreadable (" + e.getMessage() + ")";
        }
        String chipText = Files.exists(root.resolve("dev/gpiochip0")) ? "/dev/gpiochip0 present" : "no /dev/gpiochip0";
        return modelText + ", " + chipText;
    }
}

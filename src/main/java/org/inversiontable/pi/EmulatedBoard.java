package org.inversiontable.pi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this machine is an emulated board, where {@code run} may take a time scale
 * (hardware/emulated-pi). Pi4J's board detection cannot tell: the emulated Pi fakes the Revision
 * line of /proc/cpuinfo on purpose. The device tree can: QEMU's machine says
 * {@code linux,dummy-virt}, a Raspberry Pi's firmware says {@code Raspberry Pi ...}. No device
 * tree model at all counts as not emulated: scaled time is never the default.
 *
 * @param root the file system root ("/" in use; a temporary directory in tests)
 */
record EmulatedBoard(Path root) {
    /** The device tree's model when it names an emulated machine, else empty. */
    Optional<String> emulatedModel() {
        Path model = root.resolve("proc/device-tree/model");
        try {
            if (!Files.isReadable(model)) {
                return Optional.empty();
            }
            String text = Files.readString(model).replace("\0", "").trim();
            return text.isEmpty() || text.startsWith("Raspberry Pi") ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

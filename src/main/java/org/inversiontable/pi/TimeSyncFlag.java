package org.inversiontable.pi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Whether the wall clock has been synchronised since boot (SPEC §13): a Pi has no real-time clock,
 * and until the network time arrives it runs on the time it was shut down at, so a session's date
 * would be wrong. systemd-timesyncd creates {@code /run/systemd/timesync/synchronized} (a tmpfs,
 * cleared at every boot) once it has set the clock.
 *
 * <p>Asked on the control thread at a session's start: one stat of a tmpfs file, and none once it
 * has answered true (a clock once synchronised stays so until the next boot, which builds a new
 * one of these). Confined to the control thread.
 */
final class TimeSyncFlag implements BooleanSupplier {
    static final Path SYSTEMD_TIMESYNC_FLAG = Path.of("/run/systemd/timesync/synchronized");

    private final Path flag;
    private boolean synchronised;

    TimeSyncFlag(Path flag) {
        this.flag = flag;
    }

    @Override
    public boolean getAsBoolean() {
        if (!synchronised) {
            synchronised = Files.exists(flag);
        }
        return synchronised;
    }
}

package org.inversiontable.runtime;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The failures of the threads the table can do without (SPEC §12): the writer, the flight
 * recorder's sink, a display. Each is logged and kept for the host to see (the simulator shows
 * them; {@code run} logs them); the table goes on.
 *
 * <pre>{@code
 * AuxiliaryFailures failures = new AuxiliaryFailures(f -> window.showProblem(f.what()));
 * failures.report("the display", e);       // any thread
 * failures.list();                          // what failed so far
 * }</pre>
 *
 * <p>Thread-safe: the list is a {@link CopyOnWriteArrayList} (failures are rare), the listener is
 * final and called on the reporting thread.
 */
public final class AuxiliaryFailures {
    /** One failure: which part failed ({@code "the flight recorder"}) and with what. */
    public record Failure(String what, Throwable error) {
        public Failure {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(error, "error");
        }
    }

    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Consumer<Failure> listener;

    public AuxiliaryFailures() {
        this(failure -> { });
    }

    /** @param listener told of each failure, on the failing thread; what it throws is logged */
    public AuxiliaryFailures(Consumer<Failure> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Logs and keeps the failure. Any thread. */
    public void report(String what, Throwable error) {
        Failure failure = new Failure(what, error);
        failures.add(failure);
        Logger.error(error, "{} failed; the table goes on without it", what);
        try {
            listener.accept(failure);
        } catch (RuntimeException e) {
            Logger.error(e, "the listener of auxiliary failures failed");
        }
    }

    /** The failures so far, oldest first. Any thread. */
    public List<Failure> list() {
        return List.copyOf(failures);
    }
}

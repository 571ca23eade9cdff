package org.inversiontable.calibration;

/**
 * Why calibration stopped, with what was seen and what to do, in words for the console.
 *
 * @param reason  the kind, shared with the docs
 * @param message what was measured and the fix
 */
public record Refusal(RefusalReason reason, String message) {
    public Refusal {
        if (reason == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("reason and message must be given");
        }
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}

package org.inversiontable.pi;

/**
 * What one self-test check found: passed, not proven (the part is not wired, and the check says
 * plainly what was not proven), or failed with a message that names the part and the fix.
 */
public record CheckResult(Outcome outcome, String message) {
    public enum Outcome { PASSED, NOT_PROVEN, FAILED }

    public CheckResult {
        if (outcome == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("outcome and message must be given");
        }
    }

    public static CheckResult passed(String message) {
        return new CheckResult(Outcome.PASSED, message);
    }

    public static CheckResult notProven(String message) {
        return new CheckResult(Outcome.NOT_PROVEN, message);
    }

    public static CheckResult failed(String message) {
        return new CheckResult(Outcome.FAILED, message);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}

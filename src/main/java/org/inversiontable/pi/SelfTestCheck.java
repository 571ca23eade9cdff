package org.inversiontable.pi;

/** One check of the self-test that {@code run} does before the heartbeat starts. */
public interface SelfTestCheck {
    /** The part it checks, as the report names it: "IMU", "e-stop", "watchdog relay". */
    String part();

    /** Runs the check; never throws for a fault of the part (that is a failed result). */
    CheckResult run();
}

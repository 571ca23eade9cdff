package org.inversiontable.hardware;

/** The status LED and the buzzer. Patterns are timed by the caller, per tick. */
public interface Indicators {
    void set(boolean ledOn, boolean buzzerOn);
}

package org.inversiontable.scenario;

/**
 * {@code power-cycle}: the controller restarts as a new process would (nothing in memory
 * survives, the journal on disk does); the table stays where it is and simulated time goes on.
 */
public record PowerCycleAction() implements Action {
    @Override
    public String describe() {
        return "power-cycle";
    }
}

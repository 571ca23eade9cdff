package org.inversiontable.scenario;

import org.inversiontable.config.Config;

/** Builds a fresh {@link ScenarioTarget} for one run. */
@FunctionalInterface
public interface ScenarioTargetFactory {
    ScenarioTarget create(Config config, StartState start);
}

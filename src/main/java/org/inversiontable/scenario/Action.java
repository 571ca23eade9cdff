package org.inversiontable.scenario;

/**
 * One thing a scenario does to the simulated table at a point in simulated time (SPEC §9).
 * A {@link ScenarioTarget} applies it with an exhaustive switch:
 * <pre>{@code
 * switch (action) {
 *     case ButtonAction b -> panel.set(b.button(), b.pressed());
 *     case EstopAction e -> estop.setOpen(e.open());
 *     ...
 * }
 * }</pre>
 */
public sealed interface Action permits ButtonAction, EstopAction, ImuFaultAction, MotorFaultAction,
        HomeSwitchFaultAction, ClearAction, PowerCycleAction,
        PowerOffAction {

    /** The action as a scenario file writes it, for messages. */
    String describe();
}

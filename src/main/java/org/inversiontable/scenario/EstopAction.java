package org.inversiontable.scenario;

/**
 * {@code estop press} opens the e-stop contact ({@code open = true}, the same as a broken wire);
 * {@code estop release} closes it again.
 */
public record EstopAction(boolean open) implements Action {
    @Override
    public String describe() {
        return open ? "estop press" : "estop release";
    }
}

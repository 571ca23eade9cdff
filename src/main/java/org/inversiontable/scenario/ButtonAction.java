package org.inversiontable.scenario;

import java.util.Objects;
import org.inversiontable.hardware.Button;

/** {@code press BUTTON} (held until its release) or {@code release BUTTON}; a click is one of each. */
public record ButtonAction(Button button, boolean pressed) implements Action {
    public ButtonAction {
        Objects.requireNonNull(button, "button");
    }

    @Override
    public String describe() {
        return (pressed ? "press " : "release ") + button;
    }
}

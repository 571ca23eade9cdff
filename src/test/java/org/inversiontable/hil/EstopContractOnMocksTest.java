package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link EstopContract} on Pi4J's mock providers, in every build, so the contract itself is
 * exercised; and what only the mocks can show exactly: the cut happens on the input's event,
 * before any tick (SPEC §11), where a real Pi only bounds the latency.
 */
@Tag("mock-jig")
class EstopContractOnMocksTest extends EstopContract {
    @Override
    protected Jig newJig() {
        return new MockJig();
    }

    @Test
    void theEstopCutsOnItsInputEventBeforeAnyTick() {
        bootAtHome();
        pressDownUntilDriving();
        // No step between the edge and the read: no tick has run, only the input's event can have cut.
        jig.setEstop(EstopContact.OPEN);
        assertFalse(jig.enableHigh(), "ENABLE still HIGH when the e-stop's input event has been delivered");
    }
}

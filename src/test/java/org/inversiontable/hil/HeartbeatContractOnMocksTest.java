package org.inversiontable.hil;

import org.junit.jupiter.api.Tag;

/** {@link HeartbeatContract} on Pi4J's mock providers, in every build, so the contract itself is exercised. */
@Tag("mock-jig")
class HeartbeatContractOnMocksTest extends HeartbeatContract {
    @Override
    protected Jig newJig() {
        return new MockJig();
    }
}

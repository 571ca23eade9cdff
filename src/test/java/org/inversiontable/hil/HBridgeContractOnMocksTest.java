package org.inversiontable.hil;

import org.junit.jupiter.api.Tag;

/** {@link HBridgeContract} on Pi4J's mock providers, in every build, so the contract itself is exercised. */
@Tag("mock-jig")
class HBridgeContractOnMocksTest extends HBridgeContract {
    @Override
    protected Jig newJig() {
        return new MockJig();
    }
}

package org.inversiontable.hil;

import org.junit.jupiter.api.Tag;

/** {@link ImuContract} on the jig of this machine (hardware/HIL.md); skipped, with its reason, off a Pi. */
@Tag("hil")
class ImuContractTest extends ImuContract {
    @Override
    protected Jig newJig() {
        return Jigs.current();
    }
}

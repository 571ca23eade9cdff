package org.inversiontable.hardware.pi4j.fake;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;
import java.util.concurrent.Callable;

/** One fake bus: serializes {@link I2C#execute} actions like the real buses do. */
final class FakeI2CBus extends I2CBusBase {
    FakeI2CBus(I2CConfig config) {
        super(config);
    }

    @Override
    public <R> R execute(I2C i2c, Callable<R> action) {
        return _execute(i2c, action);
    }
}

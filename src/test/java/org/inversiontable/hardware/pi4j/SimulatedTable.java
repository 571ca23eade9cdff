package org.inversiontable.hardware.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.time.ManualClock;

/** Test fixture: the real adapters on Pi4J's mocks and the fake IMU, with a manual clock. */
final class SimulatedTable implements AutoCloseable {
    static final long MS = 1_000_000L;

    final FakeMpu6050 chip = new FakeMpu6050();
    final FakeI2CProvider i2c;
    final Context ctx;
    final ManualClock clock = new ManualClock(1_000 * MS);
    final PinMap pins;
    final Pi4jTableHardware table;

    SimulatedTable() {
        this(PinMap.from(Config.defaults()));
    }

    SimulatedTable(PinMap pins) {
        this.pins = pins;
        this.i2c = new FakeI2CProvider().attach(pins.i2cBus(), pins.i2cAddress(), chip);
        this.ctx = Pi4jContexts.simulated(i2c);
        this.table = Pi4jTableHardware.create(ctx, pins, clock);
        table.simulatedWiring().idle(false);
    }

    TableHardware hw() {
        return table.hardware();
    }

    MockDigitalInput input(String id) {
        return ctx.registry().get(id, MockDigitalInput.class);
    }

    DigitalOutput output(String id) {
        return ctx.registry().get(id, DigitalOutput.class);
    }

    boolean high(String id) {
        return output(id).state() == DigitalState.HIGH;
    }

    Pwm pwm() {
        return ctx.registry().get(IoIds.MOTOR_PWM, Pwm.class);
    }

    void advanceMs(long ms) {
        clock.advanceNanos(ms * MS);
    }

    @Override
    public void close() {
        table.close();
    }
}

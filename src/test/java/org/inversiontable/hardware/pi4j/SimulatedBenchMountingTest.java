package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.inversiontable.config.Config;
import org.inversiontable.hardware.PinMap;
import org.junit.jupiter.api.Test;

/**
 * The simulated bench fills its own arrays with the mounting's vectors, so that a physics step
 * makes none (SPEC §11); every scenario's trace must stay bit-identical, so they must be the
 * mounting's own numbers, bit for bit, for every legal mounting.
 */
class SimulatedBenchMountingTest {
    private static final double[] VALUES = {-90.0, -65.0, -12.345678, -0.0, 0.0, 1e-9, 17.3, 30.0, 45.5, 90.0,
        123.456};

    @Test
    void theBenchsVectorsAreTheMountingsBitForBit() {
        PinMap defaults = PinMap.from(Config.defaults());
        for (PinMap.Axis along : PinMap.Axis.values()) {
            for (PinMap.Axis normal : PinMap.Axis.values()) {
                if (along.index() == normal.index()) {
                    continue;
                }
                for (double offsetDeg : new double[] {0.0, -3.7, 12.0}) {
                    PinMap.ImuMounting mounting = new PinMap.ImuMounting(along, normal, offsetDeg, 2);
                    SimulatedBench bench = new SimulatedBench(withImu(defaults, mounting));
                    for (double v : VALUES) {
                        assertArrayEquals(mounting.accelerationG(v), bench.accelerationG(v).clone(), 0.0,
                                mounting + " accelerationG " + v);
                        assertArrayEquals(mounting.alongBedG(v), bench.alongBedG(v).clone(), 0.0,
                                mounting + " alongBedG " + v);
                        assertArrayEquals(mounting.rateDegPerS(v), bench.rateXyz(v).clone(), 0.0,
                                mounting + " rateDegPerS " + v);
                        assertBits(mounting.accelerationG(v), bench.accelerationG(v));
                        assertBits(mounting.alongBedG(v), bench.alongBedG(v));
                        assertBits(mounting.rateDegPerS(v), bench.rateXyz(v));
                    }
                    bench.close();
                }
            }
        }
    }

    private static void assertBits(double[] expected, double[] actual) {
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new long[] {Double.doubleToRawLongBits(expected[i])},
                    new long[] {Double.doubleToRawLongBits(actual[i])}, "component " + i);
        }
    }

    private static PinMap withImu(PinMap p, PinMap.ImuMounting imu) {
        return new PinMap(p.estopPin(), p.homeSwitchPin(), p.buttonUpPin(), p.buttonDownPin(), p.buttonHomePin(),
                p.buttonPresetPin(), p.buttonStopPin(), p.motorDirPin(), p.motorEnablePin(), p.ledPin(),
                p.buzzerPin(), p.watchdogPin(), p.pwmChannel(), p.pwmFrequencyHz(), p.debounceMs(), p.i2cBus(),
                p.i2cAddress(), imu);
    }
}

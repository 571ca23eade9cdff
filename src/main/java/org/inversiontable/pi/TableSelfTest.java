package org.inversiontable.pi;

import java.util.ArrayList;
import java.util.List;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.Pi4jTableHardware;
import org.inversiontable.hardware.pi4j.TableProbe;
import org.inversiontable.runtime.Parker;
import org.inversiontable.time.Clock;

/**
 * The self-test of one wired table, as {@code run} makes it and as the tests run it on Pi4J's
 * mock providers: the same checks, in the same order.
 *
 * <pre>{@code
 * SelfTest test = TableSelfTest.of(table, wiring, config, List.of("gpiod-", "linuxfs-"), board, pwm, clock, Parker.SYSTEM);
 * if (test.run(err).failed()) { table.close(); return 2; }
 * }</pre>
 *
 * <p>Order: what the program itself drives first (providers, outputs), then what a person can
 * fix at once (e-stop, buttons), then the sensors, the HOME switch against the sensor, and last
 * the watchdog relay, which needs a still heartbeat for a moment.
 */
public final class TableSelfTest {
    private TableSelfTest() {
    }

    /**
     * @param providerPrefixes the Pi4J provider id prefixes accepted
     * @param board            the board, for the log
     * @param pwm              where the motor's PWM is, for the log
     * @param extra            checks that come first (on a Pi: the PWM sysfs files)
     */
    public static SelfTest of(Pi4jTableHardware table, RunWiring wiring, Config config, List<String> providerPrefixes,
            String board, String pwm, Clock clock, Parker parker, List<SelfTestCheck> extra) {
        TableProbe probe = table.probe();
        TableHardware hw = table.hardware();
        ImuCheck imu = new ImuCheck(probe::imuWhoAmI, hw.tilt(), clock, parker);
        List<SelfTestCheck> checks = new ArrayList<>(extra);
        checks.add(new ProviderCheck(probe.providerIds(), providerPrefixes, board, pwm));
        checks.add(new OutputsSafeCheck(probe::motorEnableHigh, probe::motorDutyReadBack));
        checks.add(new EstopCheck(probe::estopOpen, wiring.pins().estopPin()));
        checks.add(new ButtonsReleasedCheck(probe::buttonsHeld));
        checks.add(imu);
        checks.add(new HomeSwitchCheck(probe::homeSwitchOpen, imu::meanAngleDeg, config.number(ConfigKey.HOME_DEG),
                wiring.pins().homeSwitchPin()));
        checks.add(new RelayDropCheck(hw.heartbeat(), probe.relayAuxWired(), probe::relayAuxClosed,
                wiring.relayAuxPin(), clock, parker));
        return new SelfTest(checks);
    }
}

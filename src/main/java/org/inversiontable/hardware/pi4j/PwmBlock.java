package org.inversiontable.hardware.pi4j;

import com.pi4j.boardinfo.util.PwmChipUtil;
import java.nio.file.Path;

/**
 * The hardware PWM block of a Raspberry Pi, and which channel each PWM-capable GPIO is on.
 *
 * <pre>{@code
 * PwmBlock block = PwmBlock.of(board);                 // from the detected board
 * int channel = block.channelOf(18);                   // 0 on a Pi 4, 2 on a Pi 5
 * int chip = block.chip(Path.of("/sys/class/pwm"));    // pwmchip0, or RP1's chip on a Pi 5
 * }</pre>
 *
 * <p>The PWM "address" of the kernel and of Pi4J is the channel, not the GPIO: BCM 18 is channel 0
 * on a Pi 3 or 4 and channel 2 on a Pi 5. A wrong channel drives a pin nothing is wired to, and
 * the motor simply never moves; so the channel is derived here from the wired GPIO, never typed.
 */
public enum PwmBlock {
    /** Pi 3 and Pi 4 (BCM2837/BCM2711): two channels, each on two alternative pins; pwmchip0. */
    BCM2711 {
        @Override
        int channelOrMinusOne(int bcm) {
            return switch (bcm) {
                case 12, 18 -> 0;
                case 13, 19 -> 1;
                default -> -1;
            };
        }

        @Override
        public int chip(Path pwmClassDir) {
            return PwmChipUtil.DEFAULT_LEGACY_PWM_CHIP;
        }
    },
    /** Pi 5 (RP1): PWM0's four channels on BCM 12, 13, 18 and 19. */
    RP1 {
        @Override
        int channelOrMinusOne(int bcm) {
            return switch (bcm) {
                case 12 -> 0;
                case 13 -> 1;
                case 18 -> 2;
                case 19 -> 3;
                default -> -1;
            };
        }

        /**
         * The chip whose device path is RP1's PWM0 (1f00098000): pwmchip2 on 6.6 kernels, pwmchip0
         * on 6.12; found as Pi4J finds it (by the link target), 2 when nothing says otherwise.
         */
        @Override
        public int chip(Path pwmClassDir) {
            return PwmChipUtil.getPWMChipForRP1(pwmClassDir.toString());
        }
    };

    abstract int channelOrMinusOne(int bcm);

    /** The pwmchip number under the sysfs PWM class directory. */
    public abstract int chip(Path pwmClassDir);

    /**
     * The PWM channel of a GPIO.
     *
     * @throws IllegalArgumentException naming the pin, the board and the pins that can do PWM
     */
    public int channelOf(int bcm) {
        int channel = channelOrMinusOne(bcm);
        if (channel < 0) {
            throw new IllegalArgumentException("BCM " + bcm + " has no hardware PWM on " + boardName()
                    + ": wire the H-bridge's PWM input to BCM 12, 13, 18 or 19 and set pin_motor_pwm");
        }
        return channel;
    }

    public String boardName() {
        return this == RP1 ? "a Raspberry Pi 5 (RP1)" : "a Raspberry Pi 3 or 4";
    }

    public static PwmBlock of(boolean usesRp1) {
        return usesRp1 ? RP1 : BCM2711;
    }
}

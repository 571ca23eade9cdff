package org.inversiontable.plot;

import java.util.ArrayList;
import java.util.List;

/** Round axis ticks (1, 2 or 5 times a power of ten) and the time unit that suits a trace's length. */
final class Ticks {
    private Ticks() {
    }

    /** A time axis unit: its name and its length in seconds. */
    record TimeUnit(String name, double seconds) {
    }

    /** Seconds up to half an hour (a session), then minutes, hours, days (a week-long trace). */
    static TimeUnit timeUnit(double durationS) {
        if (durationS <= 1800) {
            return new TimeUnit("s", 1);
        }
        if (durationS <= 6 * 3600) {
            return new TimeUnit("min", 60);
        }
        if (durationS <= 4 * 86400) {
            return new TimeUnit("h", 3600);
        }
        return new TimeUnit("d", 86400);
    }

    /** The round step that divides {@code range} into about {@code count} parts. */
    static double step(double range, int count) {
        double raw = Math.max(range, 1e-9) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * magnitude >= raw * 0.999) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The multiples of {@code step} from {@code lo} to {@code hi}. */
    static List<Double> between(double lo, double hi, double step) {
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    /** A tick's label: as many decimals as the step needs, none for whole steps. */
    static String label(double value, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        String s = Svg.format("%." + decimals + "f", value);
        return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
    }
}

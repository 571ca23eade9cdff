package org.inversiontable.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemd unit file read as systemd reads it, enough for the tests: every {@code Key=value} of
 * every section, in order, a key set more than once keeping all its values.
 */
record UnitFile(Map<String, List<String>> values) {
    static UnitFile read(Path file) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || line.startsWith("[")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                        .add(line.substring(eq + 1).strip());
            }
        }
        return new UnitFile(values);
    }

    /** The value of a key set once; fails when it is missing or set twice. */
    String one(String key) {
        List<String> all = values.getOrDefault(key, List.of());
        if (all.size() != 1) {
            throw new AssertionError(key + "= should be set once in the unit, found " + all);
        }
        return all.get(0);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** A systemd time span such as "2s", "500ms", "1min 30s" or "10", in milliseconds. */
    static long millis(String span) {
        long total = 0;
        for (String part : span.trim().split("\\s+")) {
            String digits = part.replaceAll("[^0-9.].*$", "");
            String unit = part.substring(digits.length());
            double n = Double.parseDouble(digits);
            total += Math.round(switch (unit) {
                case "ms", "msec" -> n;
                case "", "s", "sec" -> n * 1000;
                case "min", "m" -> n * 60_000;
                default -> throw new IllegalArgumentException("time unit " + unit + " in " + span);
            });
        }
        return total;
    }

    /** A size such as "320M" or "1G", in MiB. */
    static long mebibytes(String size) {
        char unit = size.charAt(size.length() - 1);
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (Character.toUpperCase(unit)) {
            case 'M' -> n;
            case 'G' -> n * 1024;
            default -> throw new IllegalArgumentException("size unit " + unit + " in " + size);
        };
    }
}

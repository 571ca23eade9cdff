package org.inversiontable.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's one JSON reader: a line of the history or of a trace is one flat object whose
 * values are strings, numbers, booleans or null. Parsing is jackson-jr's; this class only makes it
 * strict (a key given twice, text after the object, a nested value are errors) and says where.
 *
 * <pre>{@code
 * Map<String, Object> fields = FlatJsonObject.parse(line);   // numbers come back as Double
 * }</pre>
 *
 * Thread-safe: the factory and the JSON instance are immutable and shared; each call has its own parser.
 */
public final class FlatJsonObject {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JSON STRICT = JSON.builder(FACTORY)
            .enable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .disable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private FlatJsonObject() {
    }

    /**
     * Keys to values (String, Double, Boolean or null), in the order of the line.
     *
     * @throws IllegalArgumentException naming the problem and its column
     */
    public static Map<String, Object> parse(String line) {
        return parse(line, false);
    }

    /**
     * As {@link #parse(String)}, except that a number written without a fraction or an exponent
     * comes back as a Long: a trace's nanosecond times pass 2^53 after about 104 days of a Pi's
     * monotonic clock, where a Double would round them and replay would run on other times.
     */
    public static Map<String, Object> parseKeepingIntegers(String line) {
        return parse(line, true);
    }

    private static Map<String, Object> parse(String line, boolean keepIntegers) {
        Map<String, Object> raw;
        try (JsonParser parser = FACTORY.createParser(line)) {
            raw = STRICT.mapFrom(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("text after the object" + columnOf(parser.currentLocation()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + columnOf(e.getLocation()));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable JSON: " + e.getMessage());
        }
        if (raw == null) {
            throw new IllegalArgumentException("expected a JSON object at column 1");
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            flat.put(e.getKey(), flatValue(e.getKey(), e.getValue(), keepIntegers));
        }
        return flat;
    }

    private static Object flatValue(String key, Object value, boolean keepIntegers) {
        if (keepIntegers && (value instanceof Integer || value instanceof Long)) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        String kind = value instanceof List<?> ? "an array" : "an object";
        throw new IllegalArgumentException("\"" + key + "\" is " + kind + "; only strings, numbers, true, false and null");
    }

    private static String columnOf(JsonLocation where) {
        return where == null || where.getColumnNr() < 0 ? "" : " at column " + where.getColumnNr();
    }
}

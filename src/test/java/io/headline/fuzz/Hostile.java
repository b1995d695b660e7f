package io.headline.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile values drawn from a seeded {@link Random}, so a run is reproduced by its seed: the characters and
 * shapes that have broken APIs before (NUL, lone surrogates, bidi overrides, LIKE wildcards, numbers and dates
 * past what a column holds, wrong JSON types, duplicate keys, trailing content, deep nesting).
 */
final class Hostile {

    /** A JSON number written as is, for literals Java cannot hold or print the same way (1e308, 2^63). */
    record Raw(String literal) {
    }

    static final List<String> STRINGS = List.of(
            "", " ", "\t\n", "\u0000", "a\u0000b", "\uD800", "x\uDC00y", "\uDBFF\uDFFF", "😀", "👩‍👩‍👧‍👦", "\u202Eevil",
            "\u200B", "\uFEFF", "%", "_", "\\", "'", "\"", "%%", "%_\\", "'; drop table article; --", "%00", "*", "?",
            "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x/a}", "#{1+1}", "a,b,,", ",", "-", "--",
            "null", "true", "false", "[]", "{}", "0", "-0", "-1", "1.5", "0x10", "1e308", "-1e308", "NaN", "Infinity",
            "2147483647", "2147483648", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808",
            "99999999999999999999999999999", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "10000-01-01T00:00:00Z",
            "2020-02-30T00:00:00Z", "2020-01-01", "2020-01-01T00:00:00", "2020-01-01T00:00:00+25:00",
            "2020-01-01T00:00:00.123456789123Z", "1970-01-01T00:00:00Z", "draft", "published", "scheduled", "archived",
            "-publishedAt", "relevance", "-relevance", "title,title", "body,bodyHtml,bodyText", "authors,category",
            "markdown,html,plaintext", "https://example.com/a", "javascript:alert(1)", "ＡＢＣ", "İ", "ß", "Ω",
            "\u0301", "a\u0301", "\r\n\r\n", "\u2028");

    private static final String[] LONG_UNITS = {"a", "😀", "\u0000", "é", "%", " ", "\\"};

    private final Random random;

    Hostile(long seed) {
        random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile string; {@code maxLength}, when known, gives the lengths at and just past the limit. */
    String string(Integer maxLength) {
        int shape = random.nextInt(100);
        if (shape < 45) {
            return oneOf(STRINGS);
        }
        if (shape < 70) {
            StringBuilder mix = new StringBuilder();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                mix.append(random.nextBoolean() ? oneOf(STRINGS) : letters(1 + random.nextInt(6)));
            }
            return mix.toString();
        }
        if (shape < 82) {
            int limit = maxLength == null ? 5000 : Math.min(maxLength, 1_000_000);
            int length = Math.max(0, limit - 1 + random.nextInt(3));
            String unit = LONG_UNITS[random.nextInt(LONG_UNITS.length)];
            return unit.repeat(Math.max(1, length / unit.length()));
        }
        return codePoints(1 + random.nextInt(20));
    }

    /** Random UTF-16 units from the ranges that trip encoders: controls, surrogates, bidi, private use, astral. */
    String codePoints(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append((char) (0xD800 + random.nextInt(0x800)));
                case 2 -> s.append((char) (0x2000 + random.nextInt(0x70)));
                case 3 -> s.append((char) (0xE000 + random.nextInt(0x1900)));
                case 4 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> s.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return s.toString();
    }

    String letters(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** Any JSON value, usually of a type the field does not take. */
    Object json(Integer maxLength) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> new Raw(oneOf(List.of("1e308", "-1e308", "1E400", "9223372036854775808", "-9223372036854775809",
                    "2147483648", "0", "-0", "1.5", "0.0000001", "100000000000000000000000000000000000")));
            case 3 -> List.of(string(maxLength));
            case 4 -> Map.of(string(20), string(20));
            case 5 -> nested(1 + random.nextInt(200));
            case 6 -> List.of();
            default -> string(maxLength);
        };
    }

    private Object nested(int depth) {
        Object value = random.nextBoolean() ? "x" : null;
        for (int i = 0; i < depth; i++) {
            value = random.nextBoolean() ? List.of(value == null ? List.of() : value) : Map.of("a", value == null ? Map.of() : value);
        }
        return value;
    }

    /** {@code base} with some members made hostile, dropped, nulled or added. */
    Map<String, Object> mutate(Map<String, Object> base, Map<String, Integer> fields) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        List<String> names = new ArrayList<>(fields.keySet());
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String name = oneOf(names);
            switch (random.nextInt(10)) {
                case 0 -> body.remove(name);
                case 1 -> body.put(name, null);
                case 2, 3 -> body.put(name, json(fields.get(name)));
                case 4 -> body.put(name, List.of(string(fields.get(name)), string(fields.get(name))));
                case 5 -> body.put(string(30), string(null));
                default -> body.put(name, string(fields.get(name)));
            }
        }
        return body;
    }

    /** The JSON text of {@code value}, sometimes broken: a duplicate key, trailing content, a cut, another shape. */
    String text(Object value) {
        String json = Json.write(value);
        return switch (random.nextInt(20)) {
            case 0 -> json.startsWith("{\"") ? json.replaceFirst("^\\{(\"[^\"]*\":)", "{$1null,$1") : json;
            case 1 -> json + oneOf(List.of(" x", "{}", "]", "}", ",", " null", "\u0000", "\n{\"a\":1}"));
            case 2 -> json.substring(0, random.nextInt(json.length() + 1));
            case 3 -> oneOf(List.of("", "null", "[]", "\"x\"", "1e308", "true", "{", "{\"a\"", "{\"a\":}", "{,}", "[{}]",
                    "{\"\u0000\":1}", "{'a':1}", "{a:1}", "/* c */{}", "\uFEFF{}", "{\"a\":NaN}", "{\"a\":01}"));
            case 4 -> "[".repeat(3000 + random.nextInt(5000)) + "]".repeat(random.nextInt(2) * 8000);
            case 5 -> "{\"a\":".repeat(2000 + random.nextInt(3000)) + "1" + "}".repeat(random.nextInt(2) * 5000);
            default -> json;
        };
    }
}

package io.headline.locale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Accept-Language field (RFC 9110 §12.5.4) as a language priority list, and the RFC 4647 "lookup" of one locale in
 * it. Malformed entries are left out, never reported: a client's odd header costs it its preference, not an error.
 * Only the first {@value #MAX_LENGTH} characters and {@value #MAX_RANGES} entries are read, so that a header of
 * thousands of entries costs what one of {@value #MAX_RANGES} does.
 */
final class AcceptLanguage {

    static final int MAX_LENGTH = 4096;
    static final int MAX_RANGES = 32;

    private static final Pattern RANGE = Pattern.compile("\\*|[a-z]{1,8}(-[a-z0-9]{1,8})*");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    /** A language range, lower case or {@code *}, and its weight in thousandths (q=0.8 is 800; 0 is "not this"). */
    record Range(String tag, int weight) {

        boolean wildcard() {
            return tag.equals("*");
        }

        /** RFC 4647 basic filtering: the range is the tag or a prefix of it ending at a subtag. */
        boolean matches(String lowerCaseTag) {
            return wildcard() || lowerCaseTag.startsWith(tag)
                    && (lowerCaseTag.length() == tag.length() || lowerCaseTag.charAt(tag.length()) == '-');
        }
    }

    private final List<Range> ranges;

    private AcceptLanguage(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** The header's well-formed entries in its order; null or blank is an empty list. */
    static AcceptLanguage parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null) {
            return new AcceptLanguage(ranges);
        }
        String field = header;
        if (field.length() > MAX_LENGTH) {
            int lastComma = field.lastIndexOf(',', MAX_LENGTH);
            field = lastComma < 0 ? "" : field.substring(0, lastComma); // the entry the cut went through is dropped
        }
        int read = 0;
        int start = 0;
        while (start <= field.length() && read < MAX_RANGES) {
            int comma = field.indexOf(',', start);
            String element = field.substring(start, comma < 0 ? field.length() : comma);
            if (!element.isBlank()) {
                read++;
                range(element).ifPresent(ranges::add);
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return new AcceptLanguage(ranges);
    }

    List<Range> ranges() {
        return ranges;
    }

    /**
     * RFC 4647 §3.4 lookup among the available tags (lower case to their own spelling, in order of preference): the
     * ranges by weight, ties in header order; each range, then shorter and shorter prefixes of it ({@code de-CH},
     * then {@code de}), is compared with the available tags; {@code *} takes the first available one. A tag is never
     * taken when the most specific range that matches it has q=0. Empty when nothing is acceptable.
     */
    Optional<String> lookup(Map<String, String> available) {
        List<Range> preferred = ranges.stream().filter(range -> range.weight() > 0)
                .sorted(Comparator.comparingInt(Range::weight).reversed()).toList();
        for (Range range : preferred) {
            if (range.wildcard()) {
                for (Map.Entry<String, String> tag : available.entrySet()) {
                    if (acceptable(tag.getKey())) {
                        return Optional.of(tag.getValue());
                    }
                }
                continue;
            }
            for (String candidate = range.tag(); candidate != null; candidate = truncated(candidate)) {
                String tag = available.get(candidate);
                if (tag != null && acceptable(candidate)) {
                    return Optional.of(tag);
                }
            }
        }
        return Optional.empty();
    }

    private boolean acceptable(String lowerCaseTag) {
        Range decisive = null;
        for (Range range : ranges) {
            if (range.matches(lowerCaseTag) && (decisive == null || specificity(range) > specificity(decisive))) {
                decisive = range;
            }
        }
        return decisive == null || decisive.weight() > 0;
    }

    private static int specificity(Range range) {
        return range.wildcard() ? 0 : range.tag().length();
    }

    /** The range without its last subtag, and without a single-character subtag that would then end it; or null. */
    private static String truncated(String tag) {
        int dash = tag.lastIndexOf('-');
        if (dash < 0) {
            return null;
        }
        String shorter = tag.substring(0, dash);
        int previous = shorter.lastIndexOf('-');
        return previous >= 0 && shorter.length() - previous == 2 ? shorter.substring(0, previous) : shorter;
    }

    private static Optional<Range> range(String element) {
        String[] parts = element.split(";", -1);
        String tag = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!RANGE.matcher(tag).matches()) {
            return Optional.empty();
        }
        int weight = 1000;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals).strip();
            if (name.equalsIgnoreCase("q")) {
                String value = equals < 0 ? "" : parameter.substring(equals + 1).strip();
                if (!QVALUE.matcher(value).matches()) {
                    return Optional.empty();
                }
                weight = (int) Math.round(Double.parseDouble(value) * 1000);
            }
            // Accept-Language defines no other parameter; one is ignored rather than costing the entry.
        }
        return Optional.of(new Range(tag, weight));
    }
}

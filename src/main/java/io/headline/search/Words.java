package io.headline.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The words of a query or a text, reduced to rough English stems for matching and highlighting. */
public final class Words {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final List<String> ENDINGS = List.of("ing", "ies", "es", "ed", "s");

    private Words() {
    }

    /** The distinct stems of the words in {@code text}, in order. */
    public static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        for (String word : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            String stem = stem(word);
            if (!stem.isEmpty() && !stems.contains(stem)) {
                stems.add(stem);
            }
        }
        return stems;
    }

    /** A word without one common ending, if at least three letters remain. */
    public static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String ending : ENDINGS) {
            if (lower.endsWith(ending) && lower.length() - ending.length() >= 3) {
                return lower.substring(0, lower.length() - ending.length());
            }
        }
        return lower;
    }
}

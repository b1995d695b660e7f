package io.headline.common.persistence;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * URL-safe slugs: lower-case ASCII letters and digits in hyphen-separated words.
 *
 * <p>A generated slug that is taken gets the lowest free numeric suffix: {@code news}, {@code news-2},
 * {@code news-3}, ... A slug the client gives is used as given or refused.
 */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    /** Letters that Unicode decomposition does not fold to ASCII. */
    private static final Map<String, String> LETTERS = Map.of(
            "ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "đ", "d", "ð", "d", "ł", "l", "þ", "th", "ı", "i", "&", " and ");

    private Slugs() {
    }

    /** The slug of a title or name; empty when nothing in it folds to ASCII. */
    public static String slugify(String text) {
        String folded = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
            folded = folded.replace(letter.getKey(), letter.getValue());
        }
        folded = COMBINING_MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALPHANUMERIC.matcher(folded).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH - 4) {
            // Leave room for a clash suffix and cut at a word boundary where there is one.
            slug = slug.substring(0, MAX_LENGTH - 4);
            int lastHyphen = slug.lastIndexOf('-');
            slug = lastHyphen > MAX_LENGTH / 2 ? slug.substring(0, lastHyphen) : slug.replaceAll("-+$", "");
        }
        return slug;
    }

    /** The first of {@code base}, {@code base-2}, {@code base-3}, ... that is not taken. */
    public static String firstFree(String base, Predicate<String> taken) {
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** Slugs shaped like an id would make {@code /{idOrSlug}} ambiguous, so they are refused. */
    public static boolean looksLikeId(String slug) {
        return UUID_SHAPE.matcher(slug).matches();
    }
}

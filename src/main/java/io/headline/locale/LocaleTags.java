package io.headline.locale;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * BCP 47 language tags in their one spelling: {@code de-at} is {@code de-AT}, {@code EN} is {@code en},
 * {@code zh-hant-tw} is {@code zh-Hant-TW}. The grammar is the JDK's ({@link Locale.Builder#setLanguageTag}), which
 * also replaces deprecated codes ({@code iw} is {@code he}); the cheap checks before it keep hostile input from
 * costing more than its first {@value #MAX_LENGTH} characters.
 */
public final class LocaleTags {

    /**
     * Longer than any tag worth configuring (language, script, region and a variant take at most 22 characters), and
     * what the database keeps of one (article.locale, V20__article_translations.sql): RFC 5646's 35.
     */
    public static final int MAX_LENGTH = 35;

    private static final Pattern TAG_CHARACTERS = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

    private LocaleTags() {
    }

    /**
     * The tag in canonical case, or empty when it is not a well-formed BCP 47 tag with a language (a private-use tag
     * alone, {@code x-...}, and {@code und} have none), or is longer than {@value #MAX_LENGTH} characters.
     */
    public static Optional<String> normalise(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_LENGTH || !TAG_CHARACTERS.matcher(tag).matches()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Tags as an SQL list of literals, {@code 'de', 'en'}, for queries that write a read's locales into their text so
     * that each chain is one plan. Only for configured tags (normalised at start: letters, digits and hyphens), never
     * for a request's raw text.
     */
    public static String sqlList(List<String> tags) {
        return tags.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    }
}

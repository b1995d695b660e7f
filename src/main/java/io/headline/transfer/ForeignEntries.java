package io.headline.transfer;

import io.headline.common.persistence.Slugs;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the WordPress and Markdown importers share in turning another system's posts into entries: slugs from what
 * those systems call them, one category per article (the first; any further ones are kept as tags), and a category or
 * author entry only the first time a run names it.
 */
final class ForeignEntries {

    /** The category of an article that names none (WordPress's own default). */
    static final String DEFAULT_CATEGORY = "uncategorized";
    /** The author of a Markdown file that names none. */
    static final String DEFAULT_AUTHOR = "staff";
    /** The most tags an article keeps (ArticleInput's limit). */
    static final int MAX_TAGS = 50;

    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);

    private final Set<String> named = new HashSet<>();

    /** Whether a run names this category or author ("category:news") for the first time. */
    boolean firstTime(String key) {
        return named.add(key);
    }

    /**
     * A date pattern that refuses a day or time that does not exist (2024-02-30), where the default would move it to
     * one that does: a source's impossible date fails its entry rather than publishing it on another day.
     */
    static DateTimeFormatter strictDate(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** {@code given} when it is a valid slug, else the slug of {@code given}, else of {@code fallback} (may be empty). */
    static String slug(String given, String fallback) {
        if (given != null && SLUG.matcher(given).matches() && given.length() <= Slugs.MAX_LENGTH) {
            return given;
        }
        String slug = given == null ? "" : Slugs.slugify(given);
        return slug.isEmpty() && fallback != null ? Slugs.slugify(fallback) : slug;
    }

    /** The tags an article keeps: the categories after its first, then its tags, without repeats, at most MAX_TAGS. */
    static List<String> tags(List<String> categoryNames, List<String> tags) {
        Set<String> all = new LinkedHashSet<>();
        categoryNames.stream().skip(1).map(String::strip).filter(t -> !t.isEmpty()).forEach(all::add);
        tags.stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(all::add);
        return new ArrayList<>(all).subList(0, Math.min(all.size(), MAX_TAGS));
    }
}

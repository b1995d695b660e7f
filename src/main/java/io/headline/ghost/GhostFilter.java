package io.headline.ghost;

import io.headline.common.validation.StorableInstant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Ghost's filter language (NQL) that maps onto the article list's typed filters: conditions joined by
 * {@code +} (and), each at most once,
 * <ul>
 * <li>{@code tag:slug} or {@code tags:[a,b]}: filed under a category with that slug, or carrying that tag (any of);</li>
 * <li>{@code primary_tag:slug}: filed under that category (the primary tag is the category);</li>
 * <li>{@code author:slug} (or {@code authors:slug}, {@code primary_author:slug}): credited to that author;</li>
 * <li>{@code featured:true|false};</li>
 * <li>{@code published_at:>'2020-01-01 00:00:00'} and {@code published_at:<...}: strictly after or before.</li>
 * </ul>
 * Anything else (or, negation, groups, other fields and operators) is a Ghost "Error parsing filter" that says what
 * is supported. A filter is at most {@value #MAX_LENGTH} characters with at most {@value #MAX_VALUES} slugs in a list.
 */
record GhostFilter(List<String> tags, String primaryTag, String author, Boolean featured, Instant publishedAfter,
        Instant publishedBefore) {

    static final int MAX_LENGTH = 1000;
    static final int MAX_VALUES = 50;
    static final GhostFilter NONE = new GhostFilter(null, null, null, null, null, null);

    static final String SUPPORTED = "Supported: tag:slug, tags:[a,b], primary_tag:slug, author:slug, featured:true|false, "
            + "published_at:>'date' and published_at:<'date', joined by + (and), each at most once.";

    private static final String SLUG = "[a-z0-9][a-z0-9_-]*";
    private static final Pattern CONDITION = Pattern.compile("([a-z_]+):(.*)", Pattern.DOTALL);
    private static final Pattern SLUG_VALUE = Pattern.compile("'?(" + SLUG + ")'?");
    private static final Pattern SLUG_LIST = Pattern.compile("\\[\\s*'?" + SLUG + "'?\\s*(,\\s*'?" + SLUG + "'?\\s*)*]");
    private static final Pattern DATE_VALUE = Pattern.compile("([<>])'?([0-9T:. +Z-]+?)'?");
    private static final DateTimeFormatter GHOST_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    static GhostFilter parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        if (raw.length() > MAX_LENGTH) {
            throw GhostException.badFilter("A filter is at most " + MAX_LENGTH + " characters.");
        }
        List<String> tags = null;
        String primaryTag = null;
        String author = null;
        Boolean featured = null;
        Instant after = null;
        Instant before = null;
        Set<String> seen = new HashSet<>();
        for (String part : splitOnPlus(raw)) {
            Matcher condition = CONDITION.matcher(part.strip());
            if (!condition.matches()) {
                throw GhostException.badFilter("'" + part.strip() + "' is not a condition of the form field:value. " + SUPPORTED);
            }
            String field = condition.group(1);
            String value = condition.group(2).strip();
            String key = switch (field) {
                case "tag", "tags" -> "tag";
                case "author", "authors", "primary_author" -> "author";
                case "published_at" -> value.startsWith(">") ? "after" : "before";
                default -> field;
            };
            if (!seen.add(key)) {
                throw GhostException.badFilter("'" + field + "' appears more than once. " + SUPPORTED);
            }
            switch (field) {
                case "tag", "tags" -> tags = slugs(field, value);
                case "primary_tag" -> primaryTag = slug(field, value);
                case "author", "authors", "primary_author" -> author = slug(field, value);
                case "featured" -> featured = switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw GhostException.badFilter("featured takes true or false. " + SUPPORTED);
                };
                case "published_at" -> {
                    Matcher date = DATE_VALUE.matcher(value);
                    if (!date.matches()) {
                        throw GhostException.badFilter("published_at takes > or < and a date, as in "
                                + "published_at:>'2020-01-01 00:00:00'. " + SUPPORTED);
                    }
                    Instant instant = instant(date.group(2).strip());
                    if (date.group(1).equals(">")) {
                        after = instant;
                    } else {
                        before = instant;
                    }
                }
                default -> throw GhostException.badFilter("Filtering by '" + field + "' is not supported. " + SUPPORTED);
            }
        }
        return new GhostFilter(tags, primaryTag, author, featured, after, before);
    }

    /** The conditions joined by +; a + inside quotes is part of a value (a date's offset). */
    private static List<String> splitOnPlus(String raw) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : raw.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '+' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String slug(String field, String value) {
        Matcher slug = SLUG_VALUE.matcher(value);
        if (!slug.matches()) {
            throw GhostException.badFilter(field + " takes one slug (lower-case letters, digits, hyphens). " + SUPPORTED);
        }
        return slug.group(1);
    }

    private static List<String> slugs(String field, String value) {
        if (!value.startsWith("[")) {
            return List.of(slug(field, value));
        }
        if (!SLUG_LIST.matcher(value).matches()) {
            throw GhostException.badFilter(field + " takes a slug or a list of slugs, as in tags:[film,news]. " + SUPPORTED);
        }
        List<String> slugs = new ArrayList<>();
        for (String item : value.substring(1, value.length() - 1).split(",")) {
            slugs.add(item.strip().replace("'", ""));
        }
        if (slugs.size() > MAX_VALUES) {
            throw GhostException.badFilter(field + " takes at most " + MAX_VALUES + " slugs.");
        }
        return List.copyOf(new java.util.LinkedHashSet<>(slugs));
    }

    /** Ghost's forms ('2020-01-01 10:00:00' or '2020-01-01', in UTC) or an ISO-8601 instant with an offset. */
    private static Instant instant(String text) {
        Optional<Instant> iso = StorableInstant.parse(text);
        if (iso.isPresent()) {
            return iso.get();
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(text, GHOST_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw GhostException.badFilter("'" + text + "' is not a date: use 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO-8601. "
                    + SUPPORTED);
        }
    }
}

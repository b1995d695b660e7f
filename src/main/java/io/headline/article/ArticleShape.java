package io.headline.article;

import io.headline.common.error.ProblemException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a response carries of each article: the members {@code fields} selects and the relations
 * {@code include} expands, each checked against the declared names.
 */
public record ArticleShape(Set<String> fields, boolean fullAuthors, boolean fullCategory, boolean authorEmails,
        String query) {

    /** Every member an article has, in the order of {@link ArticleView}. */
    public static final List<String> FIELDS = Arrays.stream(ArticleView.class.getRecordComponents())
            .map(c -> c.getName()).toList();
    public static final List<String> INCLUDES = List.of("authors", "category");
    /** The body forms, by the names {@code formats} gives them. */
    public static final Map<String, String> FORMATS = Map.of("markdown", "body", "html", "bodyHtml", "plaintext", "bodyText");
    /** What a single article carries by default: everything but the plain-text body. */
    public static final List<String> ITEM_FIELDS = allFieldsBut("bodyText");
    /** What a list item carries by default: no body forms. */
    public static final List<String> LIST_FIELDS = allFieldsBut("body", "bodyHtml", "bodyText");

    /**
     * @param defaultFields what the response carries when {@code fields} is absent (lists leave out the body)
     */
    public static ArticleShape parse(String fields, String include, List<String> defaultFields, boolean authorEmails) {
        return parse(fields, include, null, defaultFields, authorEmails, null);
    }

    /**
     * @param formats the body forms to carry (markdown, html, plaintext), in place of the default ones
     * @param query   the search text whose matches snippets highlight, or null
     */
    public static ArticleShape parse(String fields, String include, String formats, List<String> defaultFields,
            boolean authorEmails, String query) {
        Set<String> selected = fields == null ? new LinkedHashSet<>(defaultFields) : names("fields", fields, FIELDS);
        if (formats != null) {
            selected.removeAll(FORMATS.values());
            names("formats", formats, List.copyOf(FORMATS.keySet())).forEach(f -> selected.add(FORMATS.get(f)));
        }
        selected.add("id");
        Set<String> included = include == null ? Set.of() : names("include", include, INCLUDES);
        return new ArticleShape(selected, included.contains("authors"), included.contains("category"), authorEmails,
                query);
    }

    public static List<String> allFieldsBut(String... left) {
        List<String> out = List.of(left);
        return FIELDS.stream().filter(f -> !out.contains(f)).toList();
    }

    public boolean has(String field) {
        return fields.contains(field);
    }

    private static Set<String> names(String parameter, String raw, List<String> allowed) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : raw.split(",", -1)) {
            String name = part.strip();
            if (!allowed.contains(name)) {
                throw ProblemException.invalidParameter(parameter, "names unknown member '" + name + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            names.add(name);
        }
        return names;
    }
}

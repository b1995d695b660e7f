package io.headline.article;

import io.headline.common.error.ProblemException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * @param defaultFields what the response carries when {@code fields} is absent (lists leave out the body)
     */
    public static ArticleShape parse(String fields, String include, List<String> defaultFields, boolean authorEmails) {
        return parse(fields, include, defaultFields, authorEmails, null);
    }

    /** @param query the search text whose matches snippets highlight, or null */
    public static ArticleShape parse(String fields, String include, List<String> defaultFields, boolean authorEmails,
            String query) {
        Set<String> selected = fields == null ? new LinkedHashSet<>(defaultFields) : names("fields", fields, FIELDS);
        selected.add("id");
        Set<String> included = include == null ? Set.of() : names("include", include, INCLUDES);
        return new ArticleShape(selected, included.contains("authors"), included.contains("category"), authorEmails,
                query);
    }

    public static List<String> allFieldsBut(String field) {
        return FIELDS.stream().filter(f -> !f.equals(field)).toList();
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

package io.headline.common.query;

import io.headline.common.error.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Parses {@code sort=-publishedAt,title} against the sortable fields a list declares, and appends the id
 * as the last key, so that the order is total and no page ever repeats or skips an item.
 */
public final class Sorting {

    /** A field a list may be sorted by. */
    public record Field<E>(String name, String path, boolean nullable, Class<?> type, Function<E, Object> value) {
    }

    private Sorting() {
    }

    public static <E> List<SortKey<E>> parse(String raw, String defaultSort, List<Field<E>> sortable,
            Field<E> id) {
        Map<String, Field<E>> byName = new LinkedHashMap<>();
        sortable.forEach(f -> byName.put(f.name(), f));
        String spec = raw == null || raw.isBlank() ? defaultSort : raw;
        List<SortKey<E>> keys = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String token = part.strip();
            boolean descending = token.startsWith("-");
            String name = descending ? token.substring(1) : token;
            Field<E> field = byName.get(name);
            if (field == null) {
                throw ProblemException.invalidParameter("sort", "names unknown field '" + name + "'; sortable: "
                        + String.join(", ", byName.keySet()) + " (prefix - for descending)");
            }
            if (keys.stream().anyMatch(k -> k.name().equals(name))) {
                throw ProblemException.invalidParameter("sort", "names '" + name + "' twice");
            }
            keys.add(key(field, descending));
        }
        keys.add(key(id, keys.get(keys.size() - 1).descending()));
        return keys;
    }

    public static <E> Field<E> id(String path, Function<E, UUID> id) {
        return new Field<>("id", path, false, UUID.class, id::apply);
    }

    /** The canonical spelling of a sort, as cursors record it. */
    public static String spec(List<? extends SortKey<?>> keys) {
        return String.join(",", keys.stream().map(k -> (k.descending() ? "-" : "") + k.name()).toList());
    }

    public static String orderBy(List<? extends SortKey<?>> keys) {
        return " order by " + String.join(", ", keys.stream().map(SortKey::orderBy).toList());
    }

    private static <E> SortKey<E> key(Field<E> field, boolean descending) {
        return new SortKey<>(field.name(), field.path(), descending, field.nullable(), field.type(), field.value());
    }
}

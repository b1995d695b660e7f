package io.headline.common.query;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * One key of an ORDER BY: an HQL path, its direction, whether it can be null (nulls always sort last),
 * its Java type, and how to read it from an entity (to make the cursor after that entity).
 */
public record SortKey<E>(String name, String path, boolean descending, boolean nullable, Class<?> type,
        Function<E, Object> value) {

    /**
     * Nulls come last. Where a key cannot be null the clause is only there to match the indexes, which are declared
     * {@code desc nulls last}: read forwards they give {@code desc nulls last}, read backwards {@code asc nulls first},
     * and a database uses an index for an ORDER BY only when the nulls ordering matches too.
     */
    public String orderBy() {
        return path + (descending ? " desc nulls last" : nullable ? " asc nulls last" : " asc nulls first");
    }

    /** The key's value of an entity, as a cursor spells it. */
    public String text(E entity) {
        Object v = value.apply(entity);
        return v == null ? null : v.toString();
    }

    /** A value read back from a cursor. */
    public Object parse(String text) {
        if (text == null) {
            return null;
        }
        if (type == Instant.class) {
            return Instant.parse(text);
        }
        if (type == UUID.class) {
            return UUID.fromString(text);
        }
        return text;
    }
}

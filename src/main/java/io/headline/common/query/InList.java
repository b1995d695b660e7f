package io.headline.common.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiConsumer;

/**
 * The values of an HQL IN list as parameters of one value each ({@code :ids0, :ids1, ...}), padded to the next power
 * of two by repeating the last value. Hibernate does not keep the translation of a query that binds a list parameter
 * (SqmInterpretationsKey: no key with multi-valued bindings), so such a query is translated to SQL on every run; one
 * parameter per value keeps it, and the padding keeps the number of distinct queries small: 8 for any page of 1 to
 * 100 ids. A repeated value matches no other row. One value is an equality, not {@code in (:ids0)}: Hibernate reads an
 * IN list of a single parameter as one that may bind a list (it allows a multi-valued binding), and keeps no translation
 * of such a query either, whatever is bound.
 *
 * @param name   the parameters' prefix
 * @param values the values, padded; never empty (an empty IN list is not valid SQL everywhere)
 */
public record InList(String name, List<?> values) {

    public InList {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An IN list needs a value");
        }
    }

    public static InList of(String name, Collection<?> values) {
        List<Object> padded = new ArrayList<>(values);
        if (padded.size() > 1) {
            int size = Integer.highestOneBit(padded.size() - 1) << 1;
            Object last = padded.get(padded.size() - 1);
            while (padded.size() < size) {
                padded.add(last);
            }
        }
        return new InList(name, padded);
    }

    /** {@code path in (:name0, :name1, ...)}, or {@code path = :name0} for one value. */
    public String in(String path) {
        if (values.size() == 1) {
            return path + " = :" + name + 0;
        }
        StringJoiner parameters = new StringJoiner(", ", path + " in (", ")");
        for (int i = 0; i < values.size(); i++) {
            parameters.add(":" + name + i);
        }
        return parameters.toString();
    }

    /** Binds the values, e.g. {@code list.bind(query::setParameter)}. */
    public void bind(BiConsumer<String, Object> parameter) {
        for (int i = 0; i < values.size(); i++) {
            parameter.accept(name + i, values.get(i));
        }
    }
}

package io.headline.common.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WHERE condition of keyset paging: rows strictly after a given row in a total order. Unlike an
 * offset, it never scans what it skips, and rows inserted or deleted before the position do not shift
 * what comes next.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * Rows after {@code values} in the order of {@code keys}, nulls last in every direction. Parameters are added to
     * {@code params} as {@code :keyset0}, {@code :keyset1}, ...
     *
     * <p>Where the keys all run one way and the values are not null, a row-value comparison
     * {@code (k1, k2) < (:v1, :v2)}: a database reads it as the start of one range of an index on the keys, where the
     * equivalent {@code k1 < v1 or (k1 = v1 and k2 < v2)} makes it filter every row it skips. Otherwise (mixed
     * directions, a nullable key after the first, or a null value) that expansion, which is correct for any keys.
     */
    public static String after(List<? extends SortKey<?>> keys, List<Object> values, Map<String, Object> params) {
        boolean oneWay = keys.stream().allMatch(k -> k.descending() == keys.get(0).descending());
        boolean nullsOnlyFirst = keys.stream().skip(1).noneMatch(SortKey::nullable);
        if (oneWay && nullsOnlyFirst && values.stream().allMatch(v -> v != null)) {
            List<String> paths = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                params.put("keyset" + i, values.get(i));
                paths.add(keys.get(i).path());
                names.add(":keyset" + i);
            }
            String compare = "(" + String.join(", ", paths) + ")" + (keys.get(0).descending() ? " < " : " > ")
                    + "(" + String.join(", ", names) + ")";
            // The first key's nulls come after all of its values.
            return keys.get(0).nullable() ? "(" + compare + " or " + keys.get(0).path() + " is null)" : compare;
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(equal(keys.get(j), values.get(j), j, params));
            }
            String after = strictlyAfter(keys.get(i), values.get(i), i, params);
            if (after != null) {
                terms.add(after);
                alternatives.add("(" + String.join(" and ", terms) + ")");
            }
        }
        return alternatives.isEmpty() ? "1 = 0" : "(" + String.join(" or ", alternatives) + ")";
    }

    private static String equal(SortKey<?> key, Object value, int index, Map<String, Object> params) {
        if (value == null) {
            return key.path() + " is null";
        }
        params.put("keyset" + index, value);
        return key.path() + " = :keyset" + index;
    }

    /** Nothing sorts after a null (nulls come last); after a value come greater (or smaller) values and nulls. */
    private static String strictlyAfter(SortKey<?> key, Object value, int index, Map<String, Object> params) {
        if (value == null) {
            return null;
        }
        params.put("keyset" + index, value);
        String compare = key.path() + (key.descending() ? " < " : " > ") + ":keyset" + index;
        return key.nullable() ? "(" + compare + " or " + key.path() + " is null)" : compare;
    }
}

package io.headline.common.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The values of an IN list padded to the next power of two, by repeating the last one. Hibernate translates a query
 * anew for each number of values a list parameter expands to (its plan cache keys on it): a page's ids, from 1 to 100
 * of them, would translate each query up to 100 times over, and keep every translation. Padded, 8 sizes cover them.
 * A repeated value matches no other row.
 */
public final class InLists {

    private InLists() {
    }

    public static <T> List<T> padded(Collection<T> values) {
        List<T> padded = new ArrayList<>(values);
        if (padded.size() > 1) {
            int size = Integer.highestOneBit(padded.size() - 1) << 1;
            T last = padded.get(padded.size() - 1);
            while (padded.size() < size) {
                padded.add(last);
            }
        }
        return padded;
    }
}

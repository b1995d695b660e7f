package io.headline.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListTests {

    @Test
    void shouldPadToTheNextPowerOfTwoByRepeatingTheLastValue() {
        assertThat(InList.of("ids", List.of("a", "b", "c")).values()).isEqualTo(List.of("a", "b", "c", "c"));
        assertThat(InList.of("ids", List.of(1, 2, 3, 4, 5)).values()).isEqualTo(List.of(1, 2, 3, 4, 5, 5, 5, 5));
    }

    @Test
    void shouldKeepAListWhoseSizeIsAPowerOfTwo() {
        assertThat(InList.of("ids", List.of("a")).values()).isEqualTo(List.of("a"));
        assertThat(InList.of("ids", List.of(1, 2, 3, 4)).values()).isEqualTo(List.of(1, 2, 3, 4));
    }

    @Test
    void shouldMakeAFewQueriesOfEveryPageSize() {
        assertThat(IntStream.rangeClosed(1, 100).mapToObj(n -> InList.of("ids", Collections.nCopies(n, 0)).in("a.id"))
                .distinct()).hasSize(8);
    }

    @Test
    void shouldCompareOneValueForEquality() {
        // Not "in (:ids0)": Hibernate keeps no plan of a query with an IN list of one parameter, which may bind a list.
        assertThat(InList.of("ids", List.of("a")).in("a.id")).isEqualTo("a.id = :ids0");
    }

    @Test
    void shouldBindOneParameterForEachValue() {
        InList list = InList.of("ids", List.of("x", "y", "z"));
        Map<String, Object> bound = new HashMap<>();

        list.bind(bound::put);

        assertThat(list.in("a.id")).isEqualTo("a.id in (:ids0, :ids1, :ids2, :ids3)");
        assertThat(bound).containsExactlyInAnyOrderEntriesOf(Map.of("ids0", "x", "ids1", "y", "ids2", "z", "ids3", "z"));
    }
}

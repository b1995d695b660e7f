package io.headline.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTests {

    @Test
    void shouldDefaultToTheFirstPageOfTwenty() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(1, 20));
    }

    @Test
    void shouldComputeTheOffset() {
        assertThat(PageRequest.parse("3", "10").offset()).isEqualTo(20);
    }

    @Test
    void shouldNameTheMaximumWhenSizeIsTooLarge() {
        assertThatThrownBy(() -> PageRequest.parse("1", "101"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.INVALID_PARAMETER);
                    assertThat(e.getMessage()).isEqualTo("Query parameter 'size' must be from 1 to 100, was 101.");
                });
    }

    @Test
    void shouldCountPagesRoundingUp() {
        assertThat(Page.of(List.of(), new PageRequest(1, 20), 41).meta().totalPages()).isEqualTo(3);
        assertThat(Page.of(List.of(), new PageRequest(1, 20), 0).meta().totalPages()).isZero();
    }
}

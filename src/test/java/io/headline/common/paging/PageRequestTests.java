package io.headline.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import org.junit.jupiter.api.Test;

class PageRequestTests {

    @Test
    void shouldDefaultToTheFirstCountedPageOfTwenty() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(1, 20, null, true));
    }

    @Test
    void shouldComputeTheOffsetOfAPageButNotOfACursor() {
        assertThat(PageRequest.parse("3", "10").offset()).isEqualTo(20);
        assertThat(PageRequest.parse(null, "10", "abc", null).offset()).isZero();
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
    void shouldRefuseAPageAndACursorTogether() {
        assertThatThrownBy(() -> PageRequest.parse("2", null, "abc", null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor"));
    }

    @Test
    void shouldReadCountAsAStrictBoolean() {
        assertThat(PageRequest.parse(null, null, null, "false").count()).isFalse();
        assertThatThrownBy(() -> PageRequest.parse(null, null, null, "no")).isInstanceOf(ProblemException.class);
    }

    @Test
    void shouldRefuseAPageWhoseOffsetWouldOverflowAndPointToTheCursor() {
        assertThatThrownBy(() -> PageRequest.parse(String.valueOf(Integer.MAX_VALUE), "100"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("page");
                    assertThat(e.getMessage()).contains("at most 10000", "meta.nextCursor");
                });
    }

    @Test
    void shouldAllowThePagesUpToTheMaximumDepthOnly() {
        assertThat(PageRequest.parse("100", "100").offset()).isEqualTo(9_900);
        assertThatThrownBy(() -> PageRequest.parse("101", "100")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.parse("10001", "1")).isInstanceOf(ProblemException.class);
    }
}

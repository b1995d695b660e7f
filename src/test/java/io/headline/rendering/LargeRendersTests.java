package io.headline.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Large bodies are rendered a few at a time: with every turn taken, one more is refused, a small one is not. */
class LargeRendersTests {

    private int taken;

    @BeforeEach
    void takeEveryTurn() {
        MarkdownRenderer.largeRenderWaitMillis = 0;
        taken = MarkdownRenderer.LARGE_RENDERS.drainPermits();
    }

    @AfterEach
    void giveThemBack() {
        MarkdownRenderer.LARGE_RENDERS.release(taken);
        MarkdownRenderer.largeRenderWaitMillis = 10_000;
    }

    @Test
    void shouldRefuseALargeBodyWith503WhenEveryTurnIsTaken() {
        String large = "word ".repeat(MarkdownRenderer.LARGE / 5 + 1);

        assertThatThrownBy(() -> MarkdownRenderer.render(large))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.UNAVAILABLE);
                    assertThat(e.retryAfterSeconds()).isEqualTo(MarkdownRenderer.RETRY_AFTER_SECONDS);
                });
    }

    @Test
    void shouldRenderASmallBodyWhenEveryTurnIsTaken() {
        assertThat(MarkdownRenderer.render("A *small* body.").html()).contains("<em>small</em>");
    }

    @Test
    void shouldGiveATurnBackAfterALargeRender() {
        MarkdownRenderer.LARGE_RENDERS.release(taken);
        taken = 0;
        int before = MarkdownRenderer.LARGE_RENDERS.availablePermits();

        MarkdownRenderer.render("word ".repeat(MarkdownRenderer.LARGE / 5 + 1));

        assertThat(MarkdownRenderer.LARGE_RENDERS.availablePermits()).isEqualTo(before);
        taken = MarkdownRenderer.LARGE_RENDERS.drainPermits();
    }
}

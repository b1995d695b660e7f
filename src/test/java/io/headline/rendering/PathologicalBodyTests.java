package io.headline.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.headline.common.error.Problem;
import io.headline.common.error.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bodies of the largest accepted size made of one construct: each renders to bounded output or is refused as
 * an invalid body; none may cost seconds. Their times are printed by bench/render.sh, not asserted here.
 */
class PathologicalBodyTests {

    private static Problem.FieldError refusal(PathologicalBody shape) {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> MarkdownRenderer.render(shape.largest()));
        assertThat(refused).as("refusal of %s", shape).isNotNull();
        return refused.errors().get(0);
    }

    @ParameterizedTest
    @EnumSource(names = {"AUTOLINKS", "EMAIL_AUTOLINKS", "DIVS", "INLINE_TAGS", "NESTED_INLINE_TAGS", "TABLE_COLUMNS",
        "TABLE_ROWS", "BACKTICKS", "HTML_COMMENTS"})
    void shouldRefuseABodyThatRendersToTooManyTags(PathologicalBody shape) {
        assertThat(refusal(shape)).isEqualTo(new Problem.FieldError("body", "renders to more than 100000 HTML tags"));
    }

    @ParameterizedTest
    @EnumSource(names = {"RAW_LINKS", "LINK_REFERENCES"})
    void shouldRefuseABodyWithTooManyLinks(PathologicalBody shape) {
        assertThat(refusal(shape)).isEqualTo(new Problem.FieldError("body", "has more than 10000 links and images"));
    }

    /** Syntax that is opened and never closed stays text, as written. */
    @ParameterizedTest
    @EnumSource(names = {"UNCLOSED_EMPHASIS", "STRONG_WORDS", "UNCLOSED_LINKS", "UNCLOSED_IMAGES", "OPEN_BRACKETS",
        "ONE_LONG_LINE"})
    void shouldRenderUnclosedSyntaxAsText(PathologicalBody shape) {
        String body = shape.largest();

        Rendered rendered = MarkdownRenderer.render(body);

        assertThat(rendered.text()).isEqualTo(body.strip());
        assertThat(rendered.html()).startsWith("<p>").endsWith("</p>\n").hasSizeLessThan(body.length() + 10);
    }

    @Test
    void shouldRenderEveryLinkUpToTheLimit() {
        String html = MarkdownRenderer.render(PathologicalBody.LINKS_AT_THE_LIMIT.largest()).html();

        assertThat(html.split("rel=\"noopener noreferrer\"", -1)).hasSize(MarkdownRenderer.MAX_URLS + 1);
    }

    @Test
    void shouldRenderEveryTagUpToTheLimit() {
        String html = MarkdownRenderer.render(PathologicalBody.TAGS_AT_THE_LIMIT.largest()).html();

        assertThat(html.split("<em>", -1)).hasSize(MarkdownRenderer.MAX_TAGS / 2 - 10 + 1);
    }

    @ParameterizedTest
    @EnumSource(names = {"NESTED_QUOTES", "NESTED_LISTS", "EMPHASIS_RUN", "MIXED_DELIMITERS"})
    void shouldCapNestingAtAHundredLevels(PathologicalBody shape) {
        String html = MarkdownRenderer.render(shape.largest()).html();

        assertThat(html.split("<(blockquote|ul|em|strong)>", -1).length - 1).isBetween(0, 200);
    }

    @ParameterizedTest
    @EnumSource(names = {"ENTITIES", "ONE_WORD_PER_LINE"})
    void shouldRenderAHugeParagraph(PathologicalBody shape) {
        Rendered rendered = MarkdownRenderer.render(shape.largest());

        assertThat(rendered.html().split("<p>", -1)).hasSize(2);
        assertThat(rendered.wordCount()).isPositive();
    }
}

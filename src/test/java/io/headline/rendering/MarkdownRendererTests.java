package io.headline.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTests {

    @Test
    void shouldRenderCommonMarkWithTables() {
        Rendered rendered = MarkdownRenderer.render("# Title\n\nSome *emphasis* and [a link](https://example.com).\n\n"
                + "| a | b |\n| --- | --- |\n| 1 | 2 |\n");

        assertThat(rendered.html()).contains("<h1>Title</h1>", "<em>emphasis</em>", "<table>", "<td>2</td>",
                "<a href=\"https://example.com\" rel=\"noopener noreferrer\">a link</a>");
        assertThat(rendered.text()).startsWith("Title Some emphasis and a link.");
        assertThat(rendered.wordCount()).isEqualTo(10);
    }

    /** Words are what separates whitespace as a regular expression's \\s sees it, no more (nor Unicode spaces). */
    @ParameterizedTest
    @ValueSource(strings = {"one", "one two", "one  \t two\nthree", "a\u000Bb\fc\rd", "wide\u2003space",
        "non\u00A0breaking", "trailing ", "", "x y z "})
    void shouldCountWordsAsRunsBetweenWhitespace(String text) {
        String stripped = text.stripLeading();
        int expected = stripped.isEmpty() ? 0 : stripped.split("\\s+").length;

        assertThat(MarkdownRenderer.words(stripped)).isEqualTo(expected);
    }

    /** Known cross-site scripting payloads, raw and through Markdown: none may survive. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "![x](javascript:alert(1))",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<body onload=alert(1)>",
        "<p onclick=\"alert(1)\">click</p>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>"
    })
    void shouldLeaveNoScriptInTheHtml(String payload) {
        String html = MarkdownRenderer.render("Before\n\n" + payload + "\n\nAfter").html().toLowerCase();

        assertThat(html).doesNotContain("<script", "javascript:", "onerror", "onload", "onclick", "<iframe", "<svg",
                "style=", "data:text");
    }

    @Test
    void shouldCutAnExcerptAtAWordBoundary() {
        assertThat(MarkdownRenderer.excerpt("one two three four", 10)).isEqualTo("one two…");
        assertThat(MarkdownRenderer.excerpt("short", 10)).isEqualTo("short");
    }

    @Test
    void shouldRoundReadingTimeUp() {
        assertThat(new Rendered("", "", 231).readingTimeMinutes()).isEqualTo(2);
        assertThat(new Rendered("", "", 1).readingTimeMinutes()).isEqualTo(1);
        assertThat(new Rendered(null, null, 0).readingTimeMinutes()).isZero();
    }
}

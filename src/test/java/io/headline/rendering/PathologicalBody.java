package io.headline.rendering;

import java.util.function.IntFunction;

/**
 * Markdown bodies of the largest accepted size made of one construct repeated: the shapes issue 7 found slow
 * (autolinks, unclosed emphasis, raw tags, a wide table, unclosed links) and others that stress each stage.
 */
enum PathologicalBody {
    AUTOLINKS(repeat("<http://a>")),
    EMAIL_AUTOLINKS(repeat("<x@a.b>")),
    UNCLOSED_EMPHASIS(repeat("*a ")),
    EMPHASIS_RUN(size -> "**".repeat((size - 1) / 2) + "a"),
    STRONG_WORDS(repeat("**a ")),
    MIXED_DELIMITERS(repeat("*_a")),
    DIVS(repeat("<div>")),
    INLINE_TAGS(repeat("<b>")),
    NESTED_INLINE_TAGS(repeat("<i><b>")),
    RAW_LINKS(repeat("<a href=\"http://a\">")),
    TABLE_COLUMNS(size -> "|a".repeat(size / 4 - 1) + "|\n" + "|-".repeat(size / 4 - 1) + "|\n"),
    TABLE_ROWS(size -> "|a|b|\n|-|-|\n" + repeat("|a|b|\n").apply(size - 12)),
    UNCLOSED_LINKS(repeat("[a](")),
    UNCLOSED_IMAGES(repeat("![a](")),
    OPEN_BRACKETS(repeat("[")),
    NESTED_QUOTES(size -> ">".repeat(size - 2) + " a"),
    NESTED_LISTS(size -> "- ".repeat((size - 1) / 2) + "a"),
    LINK_REFERENCES(size -> {
        StringBuilder body = new StringBuilder(size);
        for (int i = 0; body.length() < size / 2; i++) {
            body.append("[r").append(i).append("]: http://a\n");
        }
        body.append('\n');
        for (int i = 0; body.length() < size - 8; i++) {
            body.append("[r").append(i).append("] ");
        }
        return body.toString();
    }),
    ENTITIES(repeat("&amp;")),
    BACKTICKS(repeat("`a ")),
    HTML_COMMENTS(repeat("<!--")),
    ONE_LONG_LINE(repeat("word ")),
    ONE_WORD_PER_LINE(repeat("a\n")),
    /** The most links MarkdownRenderer accepts, in a body of words. */
    LINKS_AT_THE_LIMIT(size -> "<http://a> ".repeat(MarkdownRenderer.MAX_URLS)
            + repeat("word ").apply(size - 11 * MarkdownRenderer.MAX_URLS)),
    /** Nearly the most tags MarkdownRenderer accepts (two per emphasis), in a body of words. */
    TAGS_AT_THE_LIMIT(size -> "*a* ".repeat(MarkdownRenderer.MAX_TAGS / 2 - 10)
            + repeat("word ").apply(size - 4 * (MarkdownRenderer.MAX_TAGS / 2 - 10)));

    /** The largest body an article accepts (ArticleInput's @Size). */
    static final int MAX_BODY = 1_000_000;

    private final IntFunction<String> shape;

    PathologicalBody(IntFunction<String> shape) {
        this.shape = shape;
    }

    String ofSize(int size) {
        return shape.apply(size);
    }

    String largest() {
        return ofSize(MAX_BODY);
    }

    private static IntFunction<String> repeat(String unit) {
        return size -> unit.repeat(size / unit.length());
    }
}

package io.headline.article;

import io.headline.search.Snippets;

/**
 * Which of an article's body columns a response in {@code shape} reads: the whole forms it returns, the start of the
 * text for a derived excerpt, the start of the markdown for a search snippet, the word count. Lists read nothing
 * else of the body.
 */
record BodyNeeds(boolean markdown, boolean html, boolean text, boolean textStart, boolean markdownStart,
        boolean wordCount) {

    /** How much of the plain text a derived excerpt reads: more than MarkdownRenderer.excerpt ever looks at. */
    static final int TEXT_START = 1_000;
    /** How much of the markdown a search snippet scans for a match; past it, the snippet comes from the excerpt. */
    static final int SNIPPET_SCAN = Snippets.SCAN;

    /** A response that shows nothing of the body. */
    static final BodyNeeds NONE = new BodyNeeds(false, false, false, false, false, false);

    static BodyNeeds of(ArticleShape shape) {
        return new BodyNeeds(shape.has("body"), shape.has("bodyHtml"), shape.has("bodyText"),
                shape.has("excerpt") || shape.has("seo"), shape.has("snippet") && shape.query() != null,
                shape.has("wordCount") || shape.has("readingTimeMinutes"));
    }

    /** Whether the response returns a whole body form: what the list body budget counts. */
    boolean whole() {
        return markdown || html || text;
    }

    boolean any() {
        return whole() || textStart || markdownStart || wordCount;
    }
}

package io.headline.article;

import io.headline.rendering.MarkdownRenderer;
import io.headline.rendering.Rendered;

/**
 * What a view shows of an article's body. A single article reads it from the entity; a list reads only the forms
 * its response needs, for a whole page in one query ({@link ArticleRepository#bodies}), because one body may be a
 * megabyte in each of three forms. A form the view does not need is null, and where only an excerpt or a snippet is
 * needed, the text or markdown is only as much of the start as those read.
 */
record ArticleBody(String markdown, Rendered rendered) {

    static final ArticleBody NONE = new ArticleBody(null, new Rendered(null, null, 0));

    /** The whole body of an article at hand (loading its lazy body columns). */
    static ArticleBody of(Article a) {
        return new ArticleBody(a.body, a.rendered());
    }

    /**
     * @param legacyMarkdown the markdown of a row written before rendering was stored (no stored HTML), which is
     *                       rendered now; null for every other row
     */
    static ArticleBody read(String markdown, String html, String text, int wordCount, String legacyMarkdown) {
        if (legacyMarkdown != null) {
            return new ArticleBody(markdown, MarkdownRenderer.render(legacyMarkdown));
        }
        return new ArticleBody(markdown, new Rendered(html, text, wordCount));
    }
}

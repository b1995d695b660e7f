package io.headline.article;

/**
 * Fired, synchronously and inside the write's transaction, after an article was created or changed, so that other
 * features (revisions) can keep their records without the article package knowing them; an observer that fails
 * rolls the write back.
 *
 * @param editor  the principal name of who wrote it
 * @param created whether the write created the article (it has no revision yet)
 */
public record ArticleWritten(Article article, String editor, boolean created) {
}

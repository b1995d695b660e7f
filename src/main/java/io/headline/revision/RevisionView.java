package io.headline.revision;

import io.headline.article.ArticleInput;
import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Revision", description = "One state of an article, as a create, replace, patch or restore left it. "
        + "Lists leave out the snapshot; a single revision carries it.")
public record RevisionView(
        @Schema(description = "The revision's number: 1 for the first kept state of the article, then one more for "
                + "each change.", examples = "3", required = true) int number,
        @Schema(description = "The article it is a revision of.", required = true) UUID articleId,
        @Schema(description = "Who made the change: the principal name of the API token.", examples = "admin-token",
                required = true) String author,
        @Schema(description = "When the change was made (UTC).", required = true) Instant createdAt,
        @Schema(description = "The article as it was, in the form a PUT takes; what a restore writes back.")
        ArticleInput snapshot) implements Cacheable {

    /** A revision belongs to its article: purging the article purges its revisions. */
    @Override
    public String surrogateKey() {
        return Cacheable.key("article", articleId);
    }

    /** A revision never changes after it is made. */
    @Override
    public Instant updatedAt() {
        return createdAt;
    }
}

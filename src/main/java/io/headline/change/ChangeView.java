package io.headline.change;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Change", description = "One change in the feed. A change that is not a deletion names the resource's "
        + "current state by id and slug (href): fetch it there. It is not embedded, so a change always reads the same.")
public record ChangeView(
        @Schema(required = true, description = "The position just after this change: pass it as since to resume after it.") String cursor,
        @Schema(required = true, description = "The event: the resource type and the kind, e.g. article.published.") String event,
        @Schema(required = true) ChangeKind kind,
        @Schema(required = true) ResourceType resourceType,
        @Schema(required = true) UUID id,
        @Schema(description = "The resource's slug after the change (a deleted one's last slug). In the public feed, an "
                + "article's deletion (it stopped being public) carries the slug the public last saw, whatever the "
                + "change made it; absent when the log does not know it (the article was last written before the log "
                + "began).") String slug,
        @Schema(description = "An article's: the locale of the translation that changed (a BCP 47 tag of the server's "
                + "locales). Absent for authors and categories.", examples = "de") String locale,
        @Schema(required = true, description = "When the change happened; for a scheduled article's appearance, its publication "
                + "instant. Changes are listed in commit order, which this need not follow.") Instant occurredAt,
        @Schema(description = "An article's publication instant, when it is published or scheduled.")
        Instant publishedAt,
        @Schema(description = "Where the resource's current state is read (absent for a deletion).") String href) {
}

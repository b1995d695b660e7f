package io.headline.change;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeFeed", description = "Changes after the cursor, in commit order.")
public record ChangeFeed(
        @Schema(description = "The changes, oldest first; empty when nothing is new.", required = true)
        List<ChangeView> changes,
        @Schema(required = true, description = "Where to resume: pass it as since next time. Always present, also when "
                + "there is nothing new.") String nextCursor,
        @Schema(required = true, description = "Whether more changes follow right away; when false, poll again later "
                + "with nextCursor.") boolean hasMore) {
}

package io.headline.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransitionInput", description = "When a publish or schedule takes effect.")
public record TransitionInput(
        @Schema(description = "Publish: when it is (or was) published, default now. Schedule: when it goes live; "
                + "required, in the future. ISO-8601 with offset, years 0001 to 9999.", examples = "2030-01-01T09:00:00Z")
        Instant publishedAt) {
}

package io.headline.author;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthorRef", description = "An author in compact form, enough to render a byline.")
public record AuthorRef(
        @Schema(required = true) UUID id,
        @Schema(examples = "newsdesk", required = true) String slug,
        @Schema(examples = "Newsdesk", required = true) String name,
        // Not shown: it moves the Last-Modified of what embeds this author, whose name and slug it shows.
        @JsonIgnore @Schema(hidden = true) Instant updatedAt) implements Cacheable {

    @Override
    public String surrogateKey() {
        return Cacheable.key("author", id);
    }
}

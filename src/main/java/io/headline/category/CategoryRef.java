package io.headline.category;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryRef", description = "A category in compact form, enough to render a link.")
public record CategoryRef(
        @Schema(required = true) UUID id,
        @Schema(examples = "news", required = true) String slug,
        @Schema(examples = "News", required = true) String name,
        // Not shown: it moves the Last-Modified of what embeds this category, whose name and slug it shows.
        @JsonIgnore @Schema(hidden = true) Instant updatedAt) implements Cacheable {

    @Override
    public String surrogateKey() {
        return Cacheable.key("category", id);
    }
}

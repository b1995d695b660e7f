package io.headline.category;

import io.headline.common.persistence.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryInput", description = "A category as a client writes it (POST, PUT, PATCH).")
public record CategoryInput(
        @Schema(description = "URL-safe identifier; generated from the name when omitted. Kept on PUT when omitted.",
                examples = "news", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits in hyphen-separated words")
        @Size(max = Slugs.MAX_LENGTH)
        String slug,
        @Schema(description = "Display name, unique (ignoring case).", examples = "News", required = true)
        @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "What the category holds (plain text).")
        @Size(max = 5000)
        String description,
        @Schema(description = "The parent category, by id or slug; omit or null for a top-level category.",
                examples = "culture")
        @Size(max = 200)
        String parent) {
}

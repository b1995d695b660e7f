package io.headline.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryTranslationInput", description = "A category's name and description in one locale other "
        + "than the default, as a client writes it (PUT).")
public record CategoryTranslationInput(
        @Schema(description = "Display name in the locale, unique within it (ignoring case).", examples = "Nachrichten",
                required = true)
        @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "What the category holds (plain text), in the locale; omit or null for none.")
        @Size(max = 5000)
        String description) {
}

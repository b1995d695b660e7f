package io.headline.author;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthorTranslationInput", description = "An author's name and bio in one locale other than the "
        + "default, as a client writes it (PUT).")
public record AuthorTranslationInput(
        @Schema(description = "Display name in the locale (a transliteration, a desk's name).",
                examples = "Nachrichtenredaktion", required = true)
        @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "A short biography (plain text), in the locale; omit or null for none.")
        @Size(max = 5000)
        String bio) {
}

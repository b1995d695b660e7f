package io.headline.category;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryTranslation", description = "A category's name and description in one locale other than "
        + "the default; the category itself holds the default locale's.")
public record CategoryTranslationView(
        @Schema(description = "The locale, a BCP 47 tag of the server's locales (headline.locales).", examples = "de",
                required = true) String locale,
        @Schema(description = "Display name in the locale.", examples = "Nachrichten", required = true) String name,
        @Schema(description = "What the category holds (plain text), in the locale.") String description) {
}

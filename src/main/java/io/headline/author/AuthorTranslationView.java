package io.headline.author;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthorTranslation", description = "An author's name and bio in one locale other than the default; "
        + "the author itself holds the default locale's.")
public record AuthorTranslationView(
        @Schema(description = "The locale, a BCP 47 tag of the server's locales (headline.locales).", examples = "de",
                required = true) String locale,
        @Schema(description = "Display name in the locale.", examples = "Nachrichtenredaktion", required = true)
        String name,
        @Schema(description = "A short biography (plain text), in the locale.") String bio) {
}

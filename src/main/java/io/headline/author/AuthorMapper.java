package io.headline.author;

import java.util.Map;
import java.util.UUID;

/** Converts between authors and their API models; entities never reach JSON. */
public final class AuthorMapper {

    private AuthorMapper() {
    }

    public static AuthorView toView(Author a, boolean withEmail) {
        return new AuthorView(a.id, a.slug, a.name, a.bio, a.avatarUrl, a.websiteUrl, withEmail ? a.email : null,
                a.createdAt, a.updatedAt);
    }

    /** The author as served in a locale: in the translation {@code texts} has for it, else in its own text. */
    public static AuthorView toView(Author a, Map<UUID, AuthorTranslation> texts, String defaultLocale,
            boolean withEmail) {
        AuthorTranslation text = texts.get(a.id);
        return new AuthorView(a.id, a.slug, text == null ? defaultLocale : text.locale,
                text == null ? a.name : text.name, text == null ? a.bio : text.text, a.avatarUrl, a.websiteUrl,
                withEmail ? a.email : null, a.createdAt, a.updatedAt);
    }

    public static AuthorTranslationView toTranslationView(AuthorTranslation t) {
        return new AuthorTranslationView(t.locale, t.name, t.text);
    }

    /** Enough to render a byline, and to tell when it changed. */
    public static AuthorView toCompact(Author a) {
        return toView(toView(a, false), false, false);
    }

    /**
     * An author read in full (as columns, or by {@link #toView(Author, boolean)} with its email) as a response shows
     * it: in full or compact, with its email or without.
     */
    public static AuthorView toView(AuthorView a, boolean full, boolean withEmail) {
        return full ? new AuthorView(a.id(), a.slug(), a.name(), a.bio(), a.avatarUrl(), a.websiteUrl(),
                withEmail ? a.email() : null, a.createdAt(), a.updatedAt())
                : new AuthorView(a.id(), a.slug(), a.name(), null, null, null, null, null, a.updatedAt());
    }

    public static AuthorInput toInput(Author a) {
        return new AuthorInput(a.slug, a.name, a.bio, a.avatarUrl, a.websiteUrl, a.email);
    }

    /** Full replace of the writable fields; the slug is the service's to decide. */
    public static void apply(AuthorInput in, Author a) {
        a.name = in.name().strip();
        a.bio = in.bio();
        a.avatarUrl = in.avatarUrl();
        a.websiteUrl = in.websiteUrl();
        a.email = in.email();
    }
}

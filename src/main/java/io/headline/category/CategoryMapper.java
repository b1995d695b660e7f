package io.headline.category;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Converts between categories and their API models; entities never reach JSON. */
public final class CategoryMapper {

    private CategoryMapper() {
    }

    public static CategoryView toView(Category c) {
        return new CategoryView(c.id, c.slug, c.name, c.description, c.parent == null ? null : toCompact(c.parent),
                c.createdAt, c.updatedAt);
    }

    /**
     * The category as served in a locale: in the translation {@code texts} has for it, else in its own text, the
     * default locale's; its parent, compact, likewise.
     */
    public static CategoryView toView(Category c, Map<UUID, CategoryTranslation> texts, String defaultLocale) {
        CategoryTranslation text = texts.get(c.id);
        CategoryTranslation parentText = c.parent == null ? null : texts.get(c.parent.id);
        return new CategoryView(c.id, c.slug, text == null ? defaultLocale : text.locale,
                text == null ? c.name : text.name, text == null ? c.description : text.text,
                c.parent == null ? null : toCompact(c.parent.id, c.parent.slug,
                        parentText == null ? c.parent.name : parentText.name, c.parent.updatedAt),
                c.createdAt, c.updatedAt);
    }

    /** Enough to render a link, and to tell when it changed. */
    public static CategoryView toCompact(Category c) {
        return toCompact(c.id, c.slug, c.name, c.updatedAt);
    }

    /** {@link #toCompact(Category)} of a category read as columns, or of one already shown in full. */
    public static CategoryView toCompact(CategoryView c) {
        return toCompact(c.id(), c.slug(), c.name(), c.updatedAt());
    }

    public static CategoryView toCompact(UUID id, String slug, String name, Instant updatedAt) {
        return new CategoryView(id, slug, name, null, null, null, updatedAt);
    }

    public static CategoryTranslationView toTranslationView(CategoryTranslation t) {
        return new CategoryTranslationView(t.locale, t.name, t.text);
    }

    public static CategoryInput toInput(Category c) {
        return new CategoryInput(c.slug, c.name, c.description, c.parent == null ? null : c.parent.id.toString());
    }
}

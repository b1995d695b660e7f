package io.headline.category;

/** Converts between categories and their API models; entities never reach JSON. */
public final class CategoryMapper {

    private CategoryMapper() {
    }

    public static CategoryView toView(Category c) {
        return new CategoryView(c.id, c.slug, c.name, c.description, c.parent == null ? null : toCompact(c.parent),
                c.createdAt, c.updatedAt);
    }

    /** Enough to render a link, and to tell when it changed. */
    public static CategoryView toCompact(Category c) {
        return new CategoryView(c.id, c.slug, c.name, null, null, null, c.updatedAt);
    }

    public static CategoryInput toInput(Category c) {
        return new CategoryInput(c.slug, c.name, c.description, c.parent == null ? null : c.parent.id.toString());
    }
}

package io.headline.change;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of content the change log follows, named as their collections' items are. */
@Schema(name = "ResourceType", description = "The kind of content that changed.")
public enum ResourceType {
    article("articles"),
    author("authors"),
    category("categories");

    private final String collection;

    ResourceType(String collection) {
        this.collection = collection;
    }

    /** The collection under /api/v1 that serves this kind. */
    public String collection() {
        return collection;
    }
}

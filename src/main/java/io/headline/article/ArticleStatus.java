package io.headline.article;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Lower-case constants so that JSON, the OpenAPI enum and the database all spell a status the same way. */
@Schema(name = "ArticleStatus", description = "Where an article is in its life: only published articles "
        + "(and scheduled ones whose time has come) are public.")
public enum ArticleStatus {
    draft,
    published,
    scheduled,
    archived;

    /**
     * The statuses an article may move to from this one: a draft is published or scheduled; a scheduled one
     * is published early or goes back to draft; a published one is unpublished (draft) or archived; an
     * archived one is republished or goes back to draft.
     */
    public Set<ArticleStatus> next() {
        return switch (this) {
            case draft -> EnumSet.of(published, scheduled);
            case scheduled -> EnumSet.of(draft, published);
            case published -> EnumSet.of(draft, archived);
            case archived -> EnumSet.of(draft, published);
        };
    }
}

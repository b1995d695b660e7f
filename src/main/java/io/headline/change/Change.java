package io.headline.change;

import java.time.Instant;
import java.util.UUID;

/**
 * One change to append to the {@link ChangeLog}: what changed and, for an article, whether the public could see it
 * just before and just after, and when it becomes public if that is later.
 *
 * @param publishedAt an article's publication instant, when it is published or scheduled
 * @param appearsAt   set when the article becomes public later than the change (scheduled): the log then appends
 *                    its 'published' change once that instant has passed (see ChangeLog#appendDue)
 */
public record Change(ResourceType type, UUID id, String slug, ChangeKind kind, boolean wasPublic, boolean isPublic,
        Instant publishedAt, Instant appearsAt) {

    /** A change of an author or a category: public, like all of them. */
    public static Change of(ResourceType type, UUID id, String slug, ChangeKind kind) {
        return new Change(type, id, slug, kind, true, kind != ChangeKind.deleted, null, null);
    }
}

package io.headline.change;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One change to append to the {@link ChangeLog}: what changed and, for an article, whether the public could see it
 * just before and just after, and when it becomes public if that is later.
 *
 * @param publishedAt an article's publication instant, when it is published or scheduled
 * @param appearsAt   set when the article becomes public later than the change (scheduled): the log then appends
 *                    its 'published' change once that instant has passed (see ChangeLog#appendDue)
 * @param state       the resource as an admin reads it right after the change (its API view, made only when some
 *                    reader wants it: see {@link StateReaders}), kept with the change
 *                    until webhooks have sent it, so that an event carries the state its own change left and the next
 *                    one's {@code previous} is exact; null for a deletion and for the bulk import's rows (their state
 *                    is read when they are sent)
 * @param first       the resource's first change: it was just created, so the log holds nothing about it yet (an
 *                    article's earlier schedule is not looked for)
 * @param locale      an article's: the locale of the translation that changed; null for authors and categories
 */
public record Change(ResourceType type, UUID id, String slug, ChangeKind kind, boolean wasPublic, boolean isPublic,
        Instant publishedAt, Instant appearsAt, Supplier<?> state, boolean first, String locale) {

    /** A change of an author or a category: public, like all of them. */
    public static Change of(ResourceType type, UUID id, String slug, ChangeKind kind) {
        return new Change(type, id, slug, kind, true, kind != ChangeKind.deleted, null, null, null,
                kind == ChangeKind.created, null);
    }

    /** The same change, with the state it left (see {@code state}). */
    public Change withState(Supplier<?> view) {
        return new Change(type, id, slug, kind, wasPublic, isPublic, publishedAt, appearsAt, view, first, locale);
    }
}

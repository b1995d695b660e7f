package io.headline.change;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a change did; with the resource type it names the event: {@code article.published}, {@code author.deleted}. */
@Schema(name = "ChangeKind", description = "What a change did. Public callers see an article only while it is public: "
        + "'published' when it becomes visible (also when a scheduled article's time comes), 'updated' while it stays "
        + "visible, 'deleted' when it stops being visible (unpublished, archived or deleted).")
public enum ChangeKind {
    created,
    updated,
    published,
    unpublished,
    scheduled,
    deleted
}

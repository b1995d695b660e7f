package io.headline.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Lower-case constants so that JSON, the OpenAPI enum and the database all spell a status the same way. */
@Schema(name = "ArticleStatus", description = "Where an article is in its life: only published articles "
        + "(and scheduled ones whose time has come) are public.")
public enum ArticleStatus {
    draft,
    published,
    scheduled,
    archived
}

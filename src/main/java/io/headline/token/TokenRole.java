package io.headline.token;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Lower-case constants so that JSON, the OpenAPI enum, the database and the security roles agree. */
@Schema(name = "TokenRole", description = "What a token may do; see the role table in README.")
public enum TokenRole {
    admin,
    editor,
    author,
    preview,
    content
}

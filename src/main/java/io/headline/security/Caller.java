package io.headline.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/**
 * Who is writing, as the services need to know it: a name for the record, and whether the writer is an
 * author restricted to their own drafts (and which author they are).
 */
public record Caller(String name, boolean ownDraftsOnly, UUID authorId) {

    /** The attribute of an identity that names the author an author token writes as. */
    public static final String AUTHOR_ID = "headline.author-id";
    /** The attribute of an identity that holds the id of its API token (names need not be unique). */
    public static final String TOKEN_ID = "headline.token-id";

    /** Headline itself, e.g. loading demo content. */
    public static final Caller SYSTEM = new Caller("headline", false, null);

    public static Caller of(SecurityIdentity identity) {
        boolean authorOnly = identity.hasRole(Roles.AUTHOR) && !identity.hasRole(Roles.EDITOR)
                && !identity.hasRole(Roles.ADMIN);
        return new Caller(identity.getPrincipal().getName(), authorOnly, identity.getAttribute(AUTHOR_ID));
    }
}

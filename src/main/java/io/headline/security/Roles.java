package io.headline.security;

import io.quarkus.security.identity.SecurityIdentity;

/** The roles an API token can carry. Endpoints name them in @RolesAllowed; unannotated endpoints are refused. */
public final class Roles {

    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** Drafts, scheduled and archived content. */
    public static boolean seesUnpublished(SecurityIdentity caller) {
        return caller.hasRole(ADMIN);
    }

    /** Authors' email addresses are private. */
    public static boolean seesEmails(SecurityIdentity caller) {
        return caller.hasRole(ADMIN);
    }
}

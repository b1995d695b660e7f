package io.headline.security;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The roles an API token can carry, and what each may do. Every endpoint names the roles it admits in
 * {@code @RolesAllowed}; an endpoint that names none is refused (deny by default).
 *
 * <table>
 * <tr><th>role</th><th>may</th></tr>
 * <tr><td>admin</td><td>everything, including tokens</td></tr>
 * <tr><td>editor</td><td>create, edit, publish and delete any content; read unpublished content and emails</td></tr>
 * <tr><td>author</td><td>create and edit their own drafts (not publish); read unpublished content</td></tr>
 * <tr><td>preview</td><td>read drafts and scheduled content; no writes</td></tr>
 * <tr><td>content</td><td>read published content: the key a front end embeds</td></tr>
 * <tr><td>(anonymous)</td><td>read published content, unless public reads are switched off</td></tr>
 * </table>
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String AUTHOR = "author";
    public static final String PREVIEW = "preview";
    public static final String CONTENT = "content";
    /** Held by every token, and by anonymous callers while public reads are on: may read published content. */
    public static final String READER = "reader";

    private Roles() {
    }

    /** Drafts, scheduled and archived content. */
    public static boolean seesUnpublished(SecurityIdentity caller) {
        return caller.hasRole(ADMIN) || caller.hasRole(EDITOR) || caller.hasRole(AUTHOR) || caller.hasRole(PREVIEW);
    }

    /** Authors' email addresses are private. */
    public static boolean seesEmails(SecurityIdentity caller) {
        return caller.hasRole(ADMIN) || caller.hasRole(EDITOR);
    }
}

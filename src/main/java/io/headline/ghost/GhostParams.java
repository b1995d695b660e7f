package io.headline.ghost;

import io.headline.locale.LocaleParams;
import io.headline.security.BearerTokenMechanism;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/** The query options of the Ghost Content API that Headline serves; any other is refused (AllowedQueryParameters). */
public class GhostParams {

    /** The content token; the authentication mechanism reads it (BearerTokenMechanism#presented). */
    @QueryParam(BearerTokenMechanism.GHOST_KEY)
    public String key;

    @QueryParam("limit")
    public String limit;

    @QueryParam("page")
    public String page;

    @QueryParam("include")
    public String include;

    @QueryParam("fields")
    public String fields;

    @QueryParam("formats")
    public String formats;

    @QueryParam("order")
    public String order;

    @QueryParam("filter")
    public String filter;

    @HeaderParam("Accept-Version")
    public String acceptVersion;

    /** Headline's own: the locale served (posts, and the names of authors and tags), as on /api/v1. */
    @BeanParam
    public LocaleParams locales = new LocaleParams();
}

package io.headline.change;

import io.headline.common.ApiPaths;
import io.headline.common.paging.PageRequest;
import io.headline.delivery.HttpCachingFilter;
import io.headline.locale.LocaleTags;
import io.headline.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "Every change to the content, in commit order: what a mirror or a partner polls "
        + "to stay in sync.")
public class ChangeResource {

    private final ChangeService service;
    private final SecurityIdentity caller;

    public ChangeResource(ChangeService service, SecurityIdentity caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Never stored by a cache: a poller wants what is new, and a poll is one indexed range read. */
    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listChanges", summary = "List changes since a cursor",
            description = "Creates, updates, publications, unpublications, schedules and deletions (tombstones with id "
                    + "and slug) of articles, authors and categories after `since`, in commit order, so that applying "
                    + "them in turn keeps a copy exactly in sync: for each change that is not a deletion, fetch the "
                    + "resource at `href`. Start without `since`; then pass `nextCursor`, which is always present, "
                    + "right away while `hasMore`, later otherwise. A token that reads unpublished content sees every "
                    + "change; the public sees what is public: an article appears when it becomes public (a scheduled "
                    + "one at its publication instant) and is deleted when it stops being public; drafts never show. A `since` "
                    + "beyond the end of the log, or at a change the log does not have (the database was restored to an "
                    + "earlier state, or the cursor comes from another environment), is a 400: resync from the start, "
                    + "without `since`.")
    @APIResponse(responseCode = "200", description = "The changes; `Cache-Control: private, no-store`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeFeed.class)))
    public RestResponse<ChangeFeed> list(
            @Parameter(description = "A nextCursor (or a change's cursor) from an earlier answer; absent: from the "
                    + "beginning.", example = "YzE6NDI") @QueryParam("since") String since,
            @Parameter(description = "How many changes at most, 1 to " + ChangeService.MAX_LIMIT + ".",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"),
                    example = "100") @QueryParam("limit") String limit,
            @Parameter(description = "Only the changes of articles' translations in this locale (exactly: no "
                    + "fallback), with every author and category change; a BCP 47 tag of the server's locales. A "
                    + "mirror of one locale polls with it.", schema = @Schema(type = SchemaType.STRING,
                    maxLength = LocaleTags.MAX_LENGTH), example = "de") @QueryParam("locale") String locale) {
        int max = PageRequest.parseInteger("limit", limit, ChangeService.DEFAULT_LIMIT, 1, ChangeService.MAX_LIMIT);
        ChangeFeed feed = service.changes(since, max, Roles.seesUnpublished(caller), locale);
        return RestResponse.ResponseBuilder.ok(feed).header(HttpHeaders.CACHE_CONTROL, HttpCachingFilter.PRIVATE).build();
    }
}

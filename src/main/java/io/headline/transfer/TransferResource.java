package io.headline.transfer;

import io.headline.common.ApiPaths;
import io.headline.common.error.Problem;
import io.headline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Transfer", description = "Bulk import and export of all content as NDJSON; admin only.")
public class TransferResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final String FORMAT = "One JSON object per line, each with a `type`: `category` (the members of "
            + "CategoryInput, the parent by slug), `author` (AuthorInput), `article` (ArticleInput, with the category and "
            + "authors by slug, and an optional `externalId`, the article's id in the system it comes from). A line's "
            + "`slug` is required: it is the key the line is upserted by within its `locale` (an article's `externalId` "
            + "first, when given). An article's `locale` is one of the server's (the default when absent), and its "
            + "optional `translationGroup` is a key the lines of one article's translations share.";

    private final ImportService imports;
    private final ExportService exports;

    public TransferResource(ImportService imports, ExportService exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @POST
    @Path("import")
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importContent", summary = "Import categories, authors and articles",
            description = FORMAT + " Lines are validated as the API's writes are; a line that fails is listed with its "
                    + "number and reason, and the rest are imported. Categories and authors an article names that do "
                    + "not exist are created, named after their slugs. Lines are written in batches, each one "
                    + "transaction: what the summary counts is committed, and importing the same file again changes "
                    + "nothing (a rerun completes an import that was cut off). One import runs at a time.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON,
            schema = @Schema(type = SchemaType.STRING, description = "NDJSON, as GET /api/v1/export writes it.")))
    @APIResponse(responseCode = "200", description = "The import ran; `failed` and `errors` tell which lines did not.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than HEADLINE_LIMITS_MAX_IMPORT_SIZE (2G). "
            + "Batches read before the limit was reached stay imported.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Another import is running; retry after Retry-After seconds.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportSummary importContent(InputStream body) {
        return imports.importFrom(body, progress -> {
        });
    }

    @GET
    @Path("export")
    @Produces(NDJSON)
    @Operation(operationId = "exportContent", summary = "Export all categories, authors and articles",
            description = "Streams everything in the format import reads: categories (parents first), authors, then "
                    + "articles, each by slug. It holds what the format carries and nothing else: no ids or "
                    + "timestamps, no API tokens, no revisions or former slugs, no rendered bodies. Imported into an "
                    + "empty database, an export exports again to the same bytes.")
    @APIResponse(responseCode = "200", description = "NDJSON, one line per category, author and article.",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    public StreamingOutput export() {
        return exports::export;
    }
}

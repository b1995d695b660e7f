package io.headline.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.json.MergePatch;
import io.headline.common.paging.Page;
import io.headline.common.paging.PageRequest;
import io.headline.common.paging.Pages;
import io.headline.common.paging.PagingParams;
import io.headline.delivery.AcceptHeader;
import io.headline.security.Caller;
import io.headline.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.MEDIA)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media", description = "The media library: uploads, their metadata, and image renditions for srcset.")
public class MediaResource {

    /** A file URL never changes what it serves: its version changes with the bytes and the focal point. */
    private static final String IMMUTABLE = "max-age=31536000, immutable";
    /** A file opened in a browser runs nothing and loads nothing. */
    private static final String CSP = "default-src 'none'; sandbox";

    private final MediaService service;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public MediaResource(MediaService service, SecurityIdentity identity, ObjectMapper json) {
        this.service = service;
        this.identity = identity;
        this.json = json;
    }

    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON, "image/jpeg", "image/png", "image/gif", "image/webp", "image/avif",
            "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "uploadMedia", summary = "Upload a file",
            description = "Either a multipart/form-data body with one part named file and, optionally, alt, caption, "
                    + "credit and focalPoint (x,y from 0 to 1); or the bytes as the body, their type in Content-Type and "
                    + "the file name in Content-Disposition (attachment; filename=\"photo.jpg\"). The type is detected "
                    + "from the bytes: JPEG, PNG, GIF, WebP, AVIF and PDF are taken; anything else (SVG included) is a "
                    + "415, as is a declared type or file name that disagrees with the bytes. Larger than "
                    + "headline.media.max-size (20 MiB) is a 413 as soon as it passes it; more pixels than "
                    + "headline.media.max-pixels (50 megapixels, read from the header before any decoding) a 422. The "
                    + "same bytes uploaded again answer 200 with the media already there. A JSON body {\"url\": ...} imports "
                    + "the file from that URL (public hosts only, no redirects, within headline.media.fetch-timeout and "
                    + "the size limit).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = MediaForm.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaUrlInput.class)),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/avif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored; Location names the new media.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "200", description = "These bytes were uploaded before: the media already there.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    public Response upload(@Parameter(hidden = true) InputStream body,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "For a raw body: attachment; filename=\"photo.jpg\"") @HeaderParam("Content-Disposition")
            String disposition) throws IOException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.APPLICATION_JSON)) {
            return uploaded(service.uploadFromUrl(json.readValue(body, MediaUrlInput.class), Caller.of(identity)));
        }
        return uploaded(type.startsWith(MediaType.MULTIPART_FORM_DATA) ? service.uploadForm(body, contentType, Caller.of(identity))
                : service.uploadRaw(body, contentType, disposition, Caller.of(identity)));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.PREVIEW})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listMedia", summary = "List media",
            description = "Newest first (sort=createdAt for oldest first), filtered by type and by text in the name, alt "
                    + "text and caption.")
    public Page<MediaView> list(@BeanParam PagingParams paging,
            @Parameter(description = "Only this type.", schema = @Schema(enumeration = {"jpeg", "png", "gif", "webp", "avif", "pdf"}))
            @QueryParam("type") String type,
            @Parameter(description = "Text the name, alt text or caption contains (any case).") @QueryParam("q") String q,
            @Parameter(schema = @Schema(enumeration = {"-createdAt", "createdAt"}, defaultValue = "-createdAt"))
            @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        PageRequest page = paging.pageRequest();
        if (page.cursor() != null) {
            throw ProblemException.invalidParameter("cursor", "is not taken by this list; use page");
        }
        boolean oldestFirst = sort != null && switch (sort) {
            case "createdAt" -> true;
            case "-createdAt" -> false;
            default -> throw ProblemException.invalidParameter("sort", "must be one of -createdAt, createdAt");
        };
        return Pages.of(service.list(kind(type), q, oldestFirst, page), page, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.PREVIEW})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getMedia", summary = "Get a media file's metadata",
            description = "What is known of the file: its type, size and dimensions, texts, focal point, placeholder, "
                    + "and its URL and srcset.")
    public MediaView get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> notFound(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchMedia", summary = "Update a media file's texts or focal point (JSON merge patch)",
            description = "An author token changes only what its author uploaded. Moving the focal point changes the "
                    + "file's URLs, so no cache keeps a crop around the old point.")
    public MediaView patch(@PathParam("id") UUID id, @NotNull @Schema(implementation = MediaInput.class) JsonNode patch) {
        return service.patch(id, patch, Caller.of(identity)).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteMedia", summary = "Delete a media file and its renditions",
            description = "Refused with 409 while an article uses it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") UUID id) throws IOException {
        if (!service.delete(id, Caller.of(identity))) {
            throw notFound(id);
        }
    }

    @GET
    @Path("{id}/{file}")
    @Produces({"image/jpeg", "image/png", "image/webp", "image/avif", "image/gif", "application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getMediaFile", summary = "Get a media file or a rendition of an image",
            description = "Public for media that published articles use (or all media, if headline.media.public-all), "
                    + "else only with a token that sees unpublished content. Every byte served has no EXIF, XMP or GPS, "
                    + "and the orientation is applied to the pixels. Without parameters: the original's size and format. "
                    + "A rendition is made once and then served as a file, with a strong ETag, 304s, and Cache-Control "
                    + "immutable for a year: the URL's version changes when the file or its focal point does. When "
                    + "every transform is busy, 503 with Retry-After. An image has at most headline.media.max-renditions "
                    + "renditions (100); asking for yet another is a 409.")
    @APIResponse(responseCode = "200", description = "The file.", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/avif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "If-None-Match matched.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response file(@PathParam("id") UUID id,
            @Parameter(description = "The file's version as its url gives it, optionally with an extension.")
            @PathParam("file") String file,
            @Parameter(description = "Width, from headline.media.widths (160, 320, 640, 960, 1280, 1920, 2560).")
            @QueryParam("w") String w,
            @Parameter(description = "Height, from headline.media.heights.") @QueryParam("h") String h,
            @Parameter(description = "How the image meets a box of w × h: cover crops around the focal point, contain pads, inside (default) fits.",
                    schema = @Schema(enumeration = {"cover", "contain", "inside"})) @QueryParam("fit") String fit,
            @Parameter(description = "Output format; auto picks AVIF or WebP from Accept (Vary: Accept). Unset: the original's.",
                    schema = @Schema(enumeration = {"auto", "webp", "avif", "jpeg", "png"})) @QueryParam("format") String format,
            @Parameter(description = "Quality (default 80).", schema = @Schema(enumeration = {"40", "50", "60", "70", "75", "80", "85", "90", "95", "100"}))
            @QueryParam("q") String q,
            @Context ContainerRequestContext request,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) throws IOException {
        String accept = (String) request.getProperty(AcceptHeader.ORIGINAL);
        int dot = file.indexOf('.');
        String version = dot < 0 ? file : file.substring(0, dot);
        MediaService.ServedFile served = service.file(new MediaService.FileRequest(id, version, w, h, fit, format, q, accept,
                ifNoneMatch), Roles.seesUnpublished(identity)).orElseThrow(() -> notFound(id));
        Response.ResponseBuilder response = served.file() == null ? Response.notModified()
                : Response.ok(served.file().toFile(), served.contentType());
        fileHeaders(served.etag(), served.isPublic(), served.variesByAccept()).forEach(response::header);
        if (served.downloadName() != null) {
            response.header("Content-Disposition", "attachment; filename=\"" + served.downloadName().replaceAll("[^A-Za-z0-9._ -]", "_") + "\"");
        }
        return response.build();
    }

    /**
     * The headers of every media file answer, here and on the direct route ({@link MediaFileRoute}): its validator,
     * immutable caching (its URL changes with its bytes), and nothing a browser would run or sniff.
     */
    static java.util.Map<String, String> fileHeaders(String etag, boolean isPublic, boolean variesByAccept) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(HttpHeaders.ETAG, etag);
        headers.put(HttpHeaders.CACHE_CONTROL, (isPublic ? "public, " : "private, ") + IMMUTABLE);
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        if (variesByAccept) {
            headers.put(HttpHeaders.VARY, "Accept");
        }
        return headers;
    }

    private static Response uploaded(MediaService.Uploaded uploaded) {
        if (uploaded.created()) {
            return Response.created(ApiPaths.item("media", uploaded.media().id())).entity(uploaded.media()).build();
        }
        return Response.ok(uploaded.media()).build();
    }

    private static MediaKind kind(String type) {
        if (type == null) {
            return null;
        }
        try {
            return MediaKind.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("type", "must be one of jpeg, png, gif, webp, avif, pdf");
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("media", id.toString());
    }

    /** The form upload's parts, for the contract. */
    @Schema(name = "MediaForm")
    public record MediaForm(
            @Schema(required = true, type = SchemaType.STRING, format = "binary") String file,
            @Schema(maxLength = 1000) String alt,
            @Schema(maxLength = 2000) String caption,
            @Schema(maxLength = 500) String credit,
            @Schema(description = "x,y from 0 to 1, e.g. 0.5,0.3", pattern = "^[0-9.]+,[0-9.]+$") String focalPoint) {
    }
}

package io.headline;

import io.headline.common.error.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;

/**
 * The API's shared OpenAPI components: the bearer scheme and the problem+json error responses, which
 * {@link io.headline.common.openapi.ProblemResponsesFilter} attaches to the operations they apply to.
 */
@OpenAPIDefinition(
        info = @Info(title = "Headline Content API", version = "1.0.0", description = "Articles, authors and categories "
                + "as JSON. Reads of published content are public; writes need an API token.\n\n"
                + "Successes are `application/json` (an export `application/x-ndjson`), errors `application/problem+json` "
                + "(RFC 9457). Each operation has one of each, so `Accept` never refuses a request: one that no response "
                + "satisfies is disregarded (RFC 9110, section 12.5.1), and no operation answers 406.\n\n"
                + "The path carries the major version (`/api/v1`): within it, changes only add. An operation or parameter "
                + "marked deprecated answers with `Deprecation` (RFC 9745) and, once its end is set, `Sunset` (RFC 8594) "
                + "headers, and keeps working until that date.",
                contact = @Contact(name = "Headline maintainers", email = "api@example.com"),
                license = @License(name = "Proprietary", url = "https://news.example.com/terms")),
        servers = @Server(url = "http://{host}", description = "An instance of Headline: a local one by default "
                + "(`./mvnw quarkus:dev`, or the jar with its defaults), else your deployment's address.",
                variables = @ServerVariable(name = "host", defaultValue = "localhost:8080",
                        description = "Host and port of the instance.")),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", description = "An API token: `Authorization: Bearer <token>`."),
                responses = {
                    @APIResponse(name = "BadRequest", responseCode = "400",
                            description = "Malformed JSON, an unknown property, an invalid query or path parameter, or a body sent "
                                    + "with a GET or DELETE.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = "Unauthorized", responseCode = "401",
                            description = "No API token where one is needed, or a token that is not valid.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = "Forbidden", responseCode = "403",
                            description = "A valid API token whose role may not do this.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = "NotFound", responseCode = "404",
                            description = "Nothing with this id or slug that the caller may see.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = "Conflict", responseCode = "409",
                            description = "A duplicate slug or name, a reference still in use, a category cycle, or a "
                                    + "concurrent change to the same resource.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = "PreconditionFailed", responseCode = "412",
                            description = "If-Match names none of the resource's current ETags: it changed since the "
                                    + "client read it. GET it again and reapply the change.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                            description = "The request body is not JSON.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = "ValidationFailed", responseCode = "422",
                            description = "Well-formed JSON whose fields are invalid; `errors` lists each one.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
                }))
public class HeadlineApplication extends Application {
}

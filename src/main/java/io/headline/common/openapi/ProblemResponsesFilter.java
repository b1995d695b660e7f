package io.headline.common.openapi;

import io.headline.common.ApiPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes the contract by rule rather than by hand on each operation: the problem+json responses each
 * operation can give, and for each merge-patch body a patch schema (every member optional and nullable)
 * derived from the input schema, so that neither can drift from the code.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    /** The shared problem responses, by status (HeadlineApplication declares them). */
    private static final Map<String, String> PROBLEMS = Map.of("400", "BadRequest", "401", "Unauthorized", "403", "Forbidden",
            "404", "NotFound", "409", "Conflict", "412", "PreconditionFailed", "415", "UnsupportedMediaType", "422",
            "ValidationFailed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (path.startsWith("/api/") || ApiPaths.isFeed(path)) {
                // Reads admit the reader role, which anonymous callers hold while public reads are on, except the
                // admin-only tokens, webhooks and export, the editors' revisions and category and author translations,
                // and the media library's metadata (its files are public). The model carries no roles, so
                // DocumentedSecurityTests holds this rule to the @RolesAllowed of every resource method.
                if (method == PathItem.HttpMethod.GET && !path.startsWith("/api/v1/tokens") && !path.startsWith("/api/v1/webhooks")
                        && !path.contains("/revisions")
                        && !(path.endsWith("/translations") && !path.startsWith("/api/v1/articles"))
                        && !path.equals("/api/v1/export")
                        && !path.equals(ApiPaths.MEDIA) && !path.equals(ApiPaths.MEDIA + "/{id}")) {
                    allowAnonymous(operation);
                }
                addProblemResponses(path, method, operation);
                if (method == PathItem.HttpMethod.PATCH) {
                    usePatchSchema(openAPI, operation);
                }
            }
        }));
        openAPI.getComponents().removeSchema("JsonNode");
        openAPI.getComponents().removeSchema("JsonNodeType");
    }

    private static void addProblemResponses(String path, PathItem.HttpMethod method, Operation operation) {
        boolean hasBody = operation.getRequestBody() != null;
        // Besides bad query parameters and bodies: a control character in a path parameter, or a body sent with a
        // GET or DELETE, is refused before the operation runs (StorableParameters, NoBodyExpected).
        if (hasParameter(operation, Parameter.In.QUERY) || hasBody || path.contains("{")
                || method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.DELETE) {
            addResponse(operation, "400", "BadRequest");
        }
        addResponse(operation, "401", "Unauthorized");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                && operation.getSecurity().stream().noneMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty())) {
            addResponse(operation, "403", "Forbidden"); // a token is required, and its role may fall short
        }
        if (path.contains("{")) {
            addResponse(operation, "404", "NotFound");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            addResponse(operation, "409", "Conflict");
        }
        if (hasHeader(operation, "If-Match")) {
            addResponse(operation, "412", "PreconditionFailed");
        }
        if (hasBody) {
            addResponse(operation, "415", "UnsupportedMediaType");
            addResponse(operation, "422", "ValidationFailed");
        }
        // SmallRye documents a 403 of its own, without a body, on every operation with @RolesAllowed: every error
        // a client can get is a problem, so those get the shared response too.
        operation.getResponses().getAPIResponses().keySet().stream().filter(status -> PROBLEMS.containsKey(status))
                .toList().forEach(status -> addResponse(operation, status, PROBLEMS.get(status)));
    }

    /**
     * Reads take a token or none (while public reads are on, the default): an empty requirement next to the
     * bearer one says that the token is optional.
     */
    private static void allowAnonymous(Operation operation) {
        List<SecurityRequirement> requirements = new ArrayList<>();
        requirements.add(OASFactory.createSecurityRequirement());
        requirements.add(OASFactory.createSecurityRequirement().addScheme("bearer"));
        operation.setSecurity(requirements);
    }

    private static boolean hasParameter(Operation operation, Parameter.In in) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == in);
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    /** Adds the shared response, replacing a bare one SmallRye may have generated (a 400 with no body). */
    private static void addResponse(Operation operation, String status, String component) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing == null || (existing.getRef() == null && existing.getContent() == null)) {
            operation.getResponses().addAPIResponse(status,
                    OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }

    private static void usePatchSchema(OpenAPI openAPI, Operation operation) {
        for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
            String ref = media.getSchema() == null ? null : media.getSchema().getRef();
            if (ref == null || !ref.startsWith(SCHEMAS) || !ref.endsWith("Input")) {
                continue;
            }
            String inputName = ref.substring(SCHEMAS.length());
            String patchName = inputName.replaceFirst("Input$", "Patch");
            Schema input = openAPI.getComponents().getSchemas().get(inputName);
            if (input != null && !openAPI.getComponents().getSchemas().containsKey(patchName)) {
                openAPI.getComponents().addSchema(patchName, patchOf(inputName, input));
            }
            media.setSchema(OASFactory.createSchema().ref(SCHEMAS + patchName));
        }
    }

    private static Schema patchOf(String inputName, Schema input) {
        Schema patch = copy(input);
        patch.setRequired(null);
        patch.setDescription("A JSON merge patch (RFC 7396) of " + inputName + ": members present are set, members "
                + "set to null are cleared, absent members are kept. The merged result must be a valid " + inputName + ".");
        Map<String, Schema> properties = new LinkedHashMap<>();
        input.getProperties().forEach((name, property) -> {
            Schema nullable = copy(property);
            if (nullable.getRef() != null) {
                // In OpenAPI 3.0 a $ref ignores its siblings, so the reference moves into allOf.
                String target = nullable.getRef();
                nullable.setRef(null);
                nullable.addAllOf(OASFactory.createSchema().ref(target));
            }
            if (nullable.getType() == null || nullable.getType().isEmpty()) {
                nullable.addType(Schema.SchemaType.OBJECT);
            }
            nullable.addType(Schema.SchemaType.NULL);
            properties.put(name, nullable);
        });
        patch.setProperties(properties);
        return patch;
    }

    /** A copy whose type list is its own: a patch member's null type must not reach the input's member. */
    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        copy.setAll(new LinkedHashMap<>(schema.getAll()));
        if (schema.getType() != null) {
            copy.setType(new ArrayList<>(schema.getType()));
        }
        return copy;
    }
}

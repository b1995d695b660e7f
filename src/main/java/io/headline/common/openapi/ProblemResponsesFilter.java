package io.headline.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the error responses each operation can give, by one rule per kind of error, so that no
 * operation forgets one and the contract test sees every status the server really sends.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            boolean hasQuery = hasParameter(operation, Parameter.In.QUERY);
            boolean hasBody = operation.getRequestBody() != null;
            if (hasQuery || hasBody) {
                addResponse(operation, "400", "BadRequest");
            }
            addResponse(operation, "401", "Unauthorized");
            if (hasParameter(operation, Parameter.In.PATH) || path.contains("{")) {
                addResponse(operation, "404", "NotFound");
            }
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
                addResponse(operation, "409", "Conflict");
            }
            if (hasBody) {
                addResponse(operation, "415", "UnsupportedMediaType");
                addResponse(operation, "422", "ValidationFailed");
            }
        }));
    }

    private static boolean hasParameter(Operation operation, Parameter.In in) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == in);
    }

    private static void addResponse(Operation operation, String status, String component) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status,
                    OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }
}

package io.headline.versioning;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Nothing in the API is deprecated yet, so the tests deprecate these: an operation, and an alias of a query parameter.
 * Hidden from the contract, which describes the application, not its tests.
 */
@Path("/api/v1/test-deprecations")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DeprecatedEndpoints {

    public static class Params {
        @QueryParam("limit")
        public String limit;

        /** The old name of {@code limit}. */
        @Deprecated(since = "2026-01-15")
        @QueryParam("max")
        public String max;
    }

    @GET
    @Path("/old")
    @Deprecated(since = "2026-01-15")
    @Operation(operationId = "oldOperation", hidden = true)
    public Map<String, String> old() {
        return Map.of("answer", "old");
    }

    @GET
    @Path("/undated")
    @Deprecated(since = "2026-02-01")
    @Operation(operationId = "undatedOperation", hidden = true)
    public Map<String, String> undated() {
        return Map.of("answer", "undated");
    }

    @GET
    @Path("/current")
    @Operation(operationId = "currentOperation", hidden = true)
    public Map<String, String> current(@BeanParam Params params) {
        return Map.of("limit", String.valueOf(params.limit != null ? params.limit : params.max));
    }
}

package io.headline.token;

import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.common.persistence.SluggedRepository;
import io.headline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Tokens", description = "API tokens and their roles; admin only.")
public class TokenResource {

    private final TokenService service;

    public TokenResource(TokenService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List API tokens", description = "Newest first, without secrets.")
    public TokenList list() {
        return new TokenList(service.list());
    }

    @Schema(name = "TokenList")
    public record TokenList(@Schema(description = "The tokens.", required = true) List<TokenView> data) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Create an API token",
            description = "The response carries the secret (`token`) once; only its hash is kept.")
    @APIResponse(responseCode = "201", description = "Created; keep the secret now, it is not shown again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)))
    public RestResponse<TokenView> create(@Valid @NotNull TokenInput input) {
        TokenView created = service.create(input);
        return RestResponse.ResponseBuilder.<TokenView>created(ApiPaths.item("tokens", created.id())).entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke an API token", description = "It stops working at once.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public void revoke(@PathParam("id") String id) {
        Optional<UUID> parsed = SluggedRepository.parseId(id);
        if (parsed.isEmpty() || !service.revoke(parsed.get())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No token with id '" + id + "'.");
        }
    }
}

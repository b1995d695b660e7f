package io.headline.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.common.json.MergePatch;
import io.headline.common.paging.Page;
import io.headline.common.paging.PageRequest;
import io.headline.common.paging.Pages;
import io.headline.common.persistence.SluggedRepository;
import io.headline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Webhooks", description = "Signed event deliveries to partners' endpoints, with retries, a delivery log "
        + "and replay; admin only. See README, Webhooks.")
public class WebhookResource {

    private final WebhookService service;

    public WebhookResource(WebhookService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks", description = "Newest first, without secrets.")
    public WebhookList list() {
        return new WebhookList(service.list());
    }

    @Schema(name = "WebhookList")
    public record WebhookList(@Schema(required = true) List<WebhookView> data) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook",
            description = "Events that happen from now on are sent to the URL, signed per Standard Webhooks with the "
                    + "secret, which the response carries once.")
    @APIResponse(responseCode = "201", description = "Created; keep the secret now, it is not shown again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public RestResponse<WebhookView> create(@Valid @NotNull WebhookInput input) {
        WebhookView created = service.create(input);
        return RestResponse.ResponseBuilder.<WebhookView>created(ApiPaths.item("webhooks", created.id()))
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook",
            description = "Without its secret; `disabledReason` says why Headline switched it off, if it did.")
    public WebhookView get(@PathParam("id") String id) {
        return service.find(id(id)).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceWebhook", summary = "Replace a webhook",
            description = "An omitted secret keeps the current one; `active` true (or omitted) switches it back on.")
    public WebhookView replace(@PathParam("id") String id, @Valid @NotNull WebhookInput input) {
        return service.replace(id(id), input).orElseThrow(() -> notFound(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchWebhook", summary = "Update a webhook with a JSON merge patch (RFC 7396)",
            description = "Members present are set, absent members are kept; a null secret keeps the current one.")
    public WebhookView patch(@PathParam("id") String id,
            @NotNull @Schema(implementation = WebhookInput.class) JsonNode patch) throws JsonProcessingException {
        return service.patch(id(id), patch).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook",
            description = "Nothing more is sent to it; its deliveries and their log go with it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") String id) {
        if (!service.delete(id(id))) {
            throw notFound(id);
        }
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook's deliveries",
            description = "Newest first, each with its payload and every attempt (status, duration, response excerpt). "
                    + "`state=dead` lists the dead letters, to replay.")
    public Page<DeliveryView> deliveries(@PathParam("id") String id,
            @QueryParam("state") @Parameter(description = "Only the deliveries in this state.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "succeeded", "failed", "dead"}))
            String state,
            @QueryParam("page") @Parameter(description = "Page number, from 1.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) String page,
            @QueryParam("size") @Parameter(description = "Items per page, 1 to 100.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            String size,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.parse(page, size);
        if (state != null && !DeliveryView.STATES.contains(state)) {
            throw ProblemException.invalidParameter("state", "must be one of " + String.join(", ", DeliveryView.STATES));
        }
        return service.deliveries(id(id), state, request).map(slice -> Pages.of(slice, request, uri))
                .orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "Get one delivery of a webhook",
            description = "With its whole payload, whatever its size, and every attempt.")
    public DeliveryView delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return service.delivery(id(id), id(deliveryId)).orElseThrow(() -> deliveryNotFound(id, deliveryId));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivery again",
            description = "Queues it now, whatever its state (a dead one too), with a new retry period and its "
                    + "backoff from 5 s; its id and payload stay, its attempts are added to its log. Refused with 409 "
                    + "while the hook is inactive (switched off by an admin or by a 410), since nothing would be sent: "
                    + "switch it back on first (`active: true`); and while it is being sent.")
    public DeliveryView replay(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return service.replay(id(id), id(deliveryId)).orElseThrow(() -> deliveryNotFound(id, deliveryId));
    }

    private static ProblemException deliveryNotFound(String id, String deliveryId) {
        return new ProblemException(ProblemType.NOT_FOUND, "No delivery '" + deliveryId + "' of webhook '" + id + "'.");
    }

    private static UUID id(String raw) {
        return SluggedRepository.parseId(raw).orElse(new UUID(0, 0));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No webhook with id '" + id + "'.");
    }
}

package io.headline.common.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Gives each named schema, and each shared problem response, the example kept for it under
 * {@code openapi/examples/} ({@code <Schema>.json}, {@code responses/<Response>.json}): real answers of the server
 * with the demo content (the seed article, a page with its cursor, a 422 with its field errors), kept as JSON files
 * so that they read as what a client gets; and each parameter documented without an example, the one kept for its
 * name in {@code parameters.json}; a body that is not JSON, the text in {@code <operationId>.<subtype>}. Linters check each one against its schema, so none drifts unseen.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ExamplesFilter implements OASFilter {

    private static final String FOLDER = "openapi/examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            return;
        }
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach((name, schema) -> example(name).ifPresent(schema::setExample));
        }
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation ->
                    operation.getResponses().getAPIResponses().values().stream().filter(r -> r.getContent() != null)
                            .forEach(response -> response.getContent().getMediaTypes().forEach((type, media) -> {
                                if (media.getExample() == null && !isJson(type)) {
                                    text(operation.getOperationId() + "." + type.substring(type.indexOf('/') + 1))
                                            .ifPresent(media::setExample);
                                }
                            }))));
        }
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().forEach((name, response) -> example("responses/" + name)
                    .ifPresent(example -> {
                        if (response.getContent() != null) {
                            response.getContent().getMediaTypes().values().forEach((MediaType media) -> media.setExample(example));
                        }
                    }));
        }
    }

    /** A parameter documented without an example gets the one kept for its name in {@code parameters.json}. */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getRef() == null && parameter.getExample() == null && parameter.getExamples() == null
                && (parameter.getSchema() == null || parameter.getSchema().getExample() == null)) {
            example("parameters").map(examples -> ((Map<?, ?>) examples).get(parameter.getName()))
                    .ifPresent(parameter::setExample);
        }
        return parameter;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A body that is not JSON (an export's NDJSON), kept as {@code <operationId>.<subtype>}: the text itself. */
    private static Optional<Object> text(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Object> example(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FOLDER + name + ".json")) {
            return in == null ? Optional.empty() : Optional.of(JSON.readValue(in, new TypeReference<Object>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI example " + name + " is not valid JSON", e);
        }
    }
}

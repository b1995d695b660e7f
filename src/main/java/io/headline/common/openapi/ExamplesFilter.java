package io.headline.common.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Gives each named schema, and each shared problem response, the example kept for it under
 * {@code openapi/examples/} ({@code <Schema>.json}, {@code responses/<Response>.json}): real answers of the server
 * with the demo content (the seed article, a page with its cursor, a 422 with its field errors), kept as JSON files
 * so that they read as what a client gets. Linters check each one against its schema, so none drifts unseen.
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
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().forEach((name, response) -> example("responses/" + name)
                    .ifPresent(example -> {
                        if (response.getContent() != null) {
                            response.getContent().getMediaTypes().values().forEach((MediaType media) -> media.setExample(example));
                        }
                    }));
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

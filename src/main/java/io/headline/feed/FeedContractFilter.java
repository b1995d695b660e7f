package io.headline.feed;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import io.headline.common.ApiPaths;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the feeds' one rule in one place: the last path segment, {@code file}, names the format, and the 200 is a
 * document of that format's media type.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class FeedContractFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation get = item.getGET();
            if (get != null && get.getParameters() != null && ApiPaths.isFeed(path) && path.endsWith("/{file}")) {
                get.getParameters().stream().filter(p -> p.getIn() == Parameter.In.PATH && "file".equals(p.getName()))
                        .forEach(FeedContractFilter::documentFile);
                get.getResponses().getAPIResponse("200").description("The feed in the format its file names.")
                        .content(formats());
            }
        });
    }

    private static void documentFile(Parameter file) {
        file.description("The format: `rss.xml` (RSS 2.0), `atom.xml` (Atom 1.0) or `feed.json` (JSON Feed 1.1).")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(Arrays.stream(FeedFormat.values()).map(f -> (Object) f.file()).toList()));
    }

    private static Content formats() {
        Content content = OASFactory.createContent();
        for (FeedFormat format : FeedFormat.values()) {
            content.addMediaType(format.mediaType().replaceFirst(";.*", ""), OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().addType(format == FeedFormat.JSON
                            ? Schema.SchemaType.OBJECT : Schema.SchemaType.STRING)));
        }
        return content;
    }
}

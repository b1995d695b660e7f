package io.headline.versioning;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents {@link DeprecationHeaders} on the responses of each operation the contract marks deprecated (SmallRye
 * marks those annotated {@code @Deprecated}). None is, today; the rule is here so that the first one is documented.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class DeprecationContractFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (Boolean.TRUE.equals(operation.getDeprecated()) && operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().stream().filter(response -> response.getRef() == null)
                    .forEach(response -> response
                            .addHeader(DeprecationHeaders.DEPRECATION, OASFactory.createHeader().required(true)
                                    .description("When this operation was deprecated (RFC 9745): `@` and a Unix time.")
                                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example("@1768435200"))
                            .addHeader(DeprecationHeaders.SUNSET, OASFactory.createHeader()
                                    .description("After this HTTP date the operation may stop working (RFC 8594); absent "
                                            + "while that is undecided.")
                                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                                    .example("Thu, 01 Jul 2027 00:00:00 GMT")));
        }
        return operation;
    }
}

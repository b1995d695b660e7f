package io.headline.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Query parameters that take several values are declared on their fields as arrays, with a comma-separated example
 * and default, and for a closed set of values ({@code sort}, {@code fields}, {@code include}, {@code formats}) the
 * allowed ones. Those are sent comma-separated ({@code style: form, explode: false}, see CommaList); the others
 * ({@code tag}, which may hold a comma, and {@code status}) are repeated ({@code explode: true}).
 *
 * <p>The annotations put the allowed values on the array itself; generated clients type the values only when they are
 * the items' enum, and linters check the example and default against the array schema, so here the values move to
 * items of the parameter's own, and the example and default become arrays.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ListParametersFilter implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getIn() != Parameter.In.QUERY || schema == null || schema.getType() == null
                || !schema.getType().contains(Schema.SchemaType.ARRAY)) {
            return parameter;
        }
        boolean closedSet = schema.getEnumeration() != null;
        if (closedSet) {
            schema.setItems(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .enumeration(schema.getEnumeration()));
            schema.setEnumeration(null);
        }
        parameter.setStyle(Parameter.Style.FORM);
        parameter.setExplode(!closedSet);
        if (schema.getDefaultValue() instanceof String text) {
            schema.setDefaultValue(values(text));
        }
        if (parameter.getExample() instanceof String text) {
            parameter.setExample(values(text));
        }
        return parameter;
    }

    private static List<String> values(String commaSeparated) {
        return Arrays.asList(commaSeparated.split(","));
    }
}

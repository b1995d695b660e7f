package io.headline.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
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
 * items of the parameter's own, and the example and default become arrays. Those items are then named schemas
 * ({@code ArticleField}, {@code ArticleSort}, ...: the tag's noun and the parameter's), since generators that make
 * classes (openapi-generator's Java) type an enum only when it has a name, and leave an inline one a plain string.
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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> nameAllowedValues(openAPI, operation, parameter));
            }
        }));
    }

    private static void nameAllowedValues(OpenAPI openAPI, Operation operation, Parameter parameter) {
        Schema items = parameter.getSchema() == null ? null : parameter.getSchema().getItems();
        if (parameter.getIn() != Parameter.In.QUERY || items == null || items.getEnumeration() == null) {
            return;
        }
        String name = singular(operation.getTags().get(0)) + capitalized(singular(parameter.getName()));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema named = openAPI.getComponents().getSchemas() == null ? null : openAPI.getComponents().getSchemas().get(name);
        if (named == null) {
            openAPI.getComponents().addSchema(name, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .description("A value of `" + parameter.getName() + "` on the " + operation.getTags().get(0)
                            + " operations.")
                    .enumeration(items.getEnumeration()).example(items.getEnumeration().get(0)));
        } else if (!named.getEnumeration().equals(items.getEnumeration())) {
            throw new IllegalStateException("`" + parameter.getName() + "` of " + operation.getOperationId()
                    + " allows other values than " + name + ": give it a name of its own");
        }
        parameter.getSchema().setItems(OASFactory.createSchema().ref(name));
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static List<String> values(String commaSeparated) {
        return Arrays.asList(commaSeparated.split(","));
    }
}

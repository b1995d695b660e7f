package io.headline.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** openapi.yaml at the top of the repository is the published contract: it must be what the server serves. */
@QuarkusTest
class ContractTests {

    private static final Path CONTRACT = Path.of("openapi.yaml");

    @Test
    void shouldServeExactlyTheCommittedContract() throws IOException {
        String served = given().noFilters().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();

        assertThat(served)
                .as("openapi.yaml differs from /q/openapi: if the change is intended, refresh the file with "
                        + "'bash scripts/refresh-openapi.sh'")
                .isEqualTo(Files.readString(CONTRACT));
    }

    @Test
    void shouldDocumentEveryOperationWithAnIdASummaryAndErrors() {
        OpenAPI contract = new OpenAPIV3Parser().read(CONTRACT.toString());
        List<String> incomplete = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!complete(operation)) {
                incomplete.add(method + " " + path);
            }
        }));

        assertThat(contract.getPaths()).isNotEmpty();
        assertThat(incomplete).isEmpty();
        assertThat(contract.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
    }

    @Test
    void shouldQuoteEveryDateTimeSoThatAYaml11ParserReadsAString() throws IOException {
        // SnakeYAML resolves YAML 1.1 types, as most generators' parsers do: a bare 2020-01-01T00:00:00Z is a Date.
        Object contract = new Yaml().load(Files.readString(CONTRACT));

        assertThat(dates(contract)).isEmpty();
        assertThat(Files.readString(CONTRACT)).contains("publishedAt: \"2020-01-01T00:00:00Z\"");
    }

    private static List<Object> dates(Object node) {
        List<Object> found = new ArrayList<>();
        if (node instanceof Date) {
            found.add(node);
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> found.addAll(dates(value)));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> found.addAll(dates(value)));
        }
        return found;
    }

    @Test
    void shouldServeSwaggerUi() {
        given().noFilters().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    private static boolean complete(Operation operation) {
        return operation.getOperationId() != null && operation.getSummary() != null
                && operation.getResponses().containsKey("401")
                && operation.getResponses().keySet().stream().anyMatch(status -> status.startsWith("2"));
    }
}

package io.headline.fuzz;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property-based fuzz of the list and write endpoints: whatever a client sends, the answer is never a 5xx, every
 * 4xx is application/problem+json with status, title and detail, and a write that succeeded can be read back.
 *
 * <p>The parameters and fields fuzzed are read from openapi.yaml, so a new one is fuzzed without a change here.
 * Inputs come from a seeded generator ({@link Hostile}): the seed is fixed, and printed with every failure, so a
 * failure is reproduced by running again (another seed explores further: {@code -Dfuzz.seed=...}). About 2,400
 * requests in all, and a read of each accepted write.
 */
@QuarkusTest
class HostileInputFuzzTests {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_126L);
    private static final OpenAPI CONTRACT = new OpenAPIV3Parser().read("openapi.yaml");
    /** Bytes that are not UTF-8 once decoded (a lone surrogate, an overlong NUL, a cut sequence, past U+10FFFF). */
    private static final List<String> BROKEN_ENCODINGS = List.of("%FF", "%ED%A0%80", "%C0%80", "%E2%80", "%F4%90%80%80", "%00");

    @ParameterizedTest(name = "GET {0} × {1}")
    @CsvSource({"/api/v1/articles,600", "/api/v1/search,250", "/api/v1/authors,150", "/api/v1/categories,150"})
    void shouldAnswerHostileListQueriesWithAProblemNeverA5xx(String path, int requests) {
        Hostile hostile = new Hostile(SEED ^ path.hashCode());
        List<Parameter> parameters = CONTRACT.getPaths().get(path).getGet().getParameters().stream()
                .filter(p -> "query".equals(p.getIn())).toList();
        String cursor = admin().queryParam("size", 1).when().get(path.equals("/api/v1/search") ? "/api/v1/articles" : path)
                .then().statusCode(200).extract().path("meta.nextCursor");
        try (Findings findings = new Findings(SEED)) {
            for (int i = 0; i < requests; i++) {
                StringBuilder query = new StringBuilder();
                for (int n = 1 + hostile.nextInt(4); n > 0; n--) {
                    Parameter parameter = hostile.oneOf(parameters);
                    query.append(query.isEmpty() ? "" : "&").append(parameter.getName()).append('=')
                            .append(queryValue(hostile, parameter, cursor));
                }
                String url = path + "?" + query;
                boolean asAdmin = hostile.chance(0.5);
                findings.check("GET " + path + (asAdmin ? " (admin)" : ""), url, capture ->
                        invalid(asAdmin ? admin() : anonymous()).filter(capture).urlEncodingEnabled(false).when().get(url));
            }
            assertThat(findings.report()).as("hostile queries").isEmpty();
        }
    }

    @Test
    void shouldAnswerHostileArticleWritesWithAProblemNeverA5xxAndKeepWhatItAccepts() {
        Hostile hostile = new Hostile(SEED ^ 1);
        Object category = createCategory().get("slug");
        Object author = createAuthor().get("slug");
        Map<String, Object> base = new LinkedHashMap<>(Map.of("title", "Fuzzed", "category", category,
                "authors", List.of(author), "status", "draft", "tags", List.of("fuzz")));
        Object target = createArticle(new HashMap<>(base)).get("id");
        try (Findings findings = new Findings(SEED)) {
            fuzz(findings, hostile, 250, "POST", "/api/v1/articles", "ArticleInput", base);
            fuzz(findings, hostile, 150, "PUT", "/api/v1/articles/" + target, "ArticleInput", base);
            fuzz(findings, hostile, 200, "PATCH", "/api/v1/articles/" + target, "ArticlePatch", Map.of("title", "Patched"));
            for (String transition : List.of("publish", "schedule")) {
                Map<String, Object> at = Map.of("publishedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
                for (int round = 0; round < 5; round++) {
                    Object draft = createArticle(new HashMap<>(base)).get("id");
                    fuzz(findings, hostile, 15, "POST", "/api/v1/articles/" + draft + "/" + transition, "TransitionInput", at);
                }
            }
            assertThat(findings.report()).as("hostile article writes").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"authors,AuthorInput,AuthorPatch", "categories,CategoryInput,CategoryPatch"})
    void shouldAnswerHostileWritesWithAProblemNeverA5xxAndKeepWhatItAccepts(String collection, String input, String patch) {
        Hostile hostile = new Hostile(SEED ^ collection.hashCode());
        String path = "/api/v1/" + collection;
        Map<String, Object> base = Map.of("name", "Fuzzed");
        Object target = admin().body(Map.of("name", unique("Target"))).when().post(path).then().statusCode(201).extract().path("id");
        try (Findings findings = new Findings(SEED)) {
            fuzz(findings, hostile, 100, "POST", path, input, base);
            fuzz(findings, hostile, 70, "PUT", path + "/" + target, input, base);
            fuzz(findings, hostile, 80, "PATCH", path + "/" + target, patch, base);
            assertThat(findings.report()).as("hostile writes to " + collection).isEmpty();
        }
    }

    /** Sends {@code count} mutations of {@code base} (a valid body) and reads back every one that succeeded. */
    private static void fuzz(Findings findings, Hostile hostile, int count, String method, String path, String schema,
            Map<String, Object> base) {
        Map<String, Integer> fields = fieldsOf(schema);
        String endpoint = method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        for (int i = 0; i < count; i++) {
            String body = hostile.text(hostile.mutate(base, fields));
            boolean asAdmin = hostile.chance(0.9);
            String ifMatch = hostile.chance(0.1) ? hostile.oneOf(List.of("*", "\"x\"", "W/\"x\"", hostile.string(100))) : null;
            String contentType = method.equals("PATCH") && hostile.chance(0.8) ? "application/merge-patch+json" : "application/json";
            Response response = findings.check(endpoint + (asAdmin ? "" : " (anonymous)"), body, capture -> {
                RequestSpecification request = invalid(asAdmin ? admin() : anonymous()).filter(capture)
                        .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
                if (ifMatch != null) {
                    request.header("If-Match", ifMatch);
                }
                return request.when().request(method, path);
            });
            if (response != null && response.statusCode() / 100 == 2) {
                readBack(findings, endpoint, body, response, method.equals("POST") && response.statusCode() == 201
                        ? response.header("Location") : path.replaceFirst("/(publish|schedule)$", ""));
            }
        }
    }

    /** A write answered 2xx must be what a read then finds. */
    private static void readBack(Findings findings, String endpoint, String body, Response written, String location) {
        if (location == null) {
            findings.fail(endpoint + " → " + written.statusCode() + " without a Location", body);
            return;
        }
        Response read = findings.check("GET after " + endpoint, location, capture ->
                admin().filter(capture).when().get(location));
        if (read == null || read.statusCode() != 200) {
            findings.fail(endpoint + " → " + written.statusCode() + " but cannot be read back", body);
            return;
        }
        for (String member : List.of("id", "slug", "version", "status", "title", "name")) {
            Object sent = written.path(member);
            Object found = read.path(member);
            if (!Objects.equals(sent, found)) {
                findings.fail(endpoint + " → " + written.statusCode() + " answered " + member + " that a read does not find",
                        body + "  answered " + sent + ", read " + found);
            }
        }
    }

    /** Each request field of {@code schema} with its declared maximum length (of the items, for a list). */
    private static Map<String, Integer> fieldsOf(String schema) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        Map<String, Schema> properties = CONTRACT.getComponents().getSchemas().get(schema).getProperties();
        properties.forEach((name, property) -> fields.put(name, property.getItems() != null
                ? property.getItems().getMaxLength() : property.getMaxLength()));
        return fields;
    }

    /** A value for a query parameter: hostile, plausible for its schema, or bytes that are not UTF-8. */
    private static String queryValue(Hostile hostile, Parameter parameter, String cursor) {
        int shape = hostile.nextInt(100);
        if (shape < 10) {
            return hostile.oneOf(BROKEN_ENCODINGS) + hostile.letters(hostile.nextInt(3));
        }
        if (shape < 12) {
            return "a".repeat(5000); // past the request line's limit: a 414, which must be a problem too
        }
        String value;
        if (shape < 55) {
            // Long values stay below the request line's limit, so they reach the application.
            Integer max = parameter.getSchema().getMaxLength();
            value = hostile.string(Math.min(max == null ? 300 : max, 300));
        } else {
            value = plausible(hostile, parameter, cursor);
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String plausible(Hostile hostile, Parameter parameter, String cursor) {
        Schema<?> schema = parameter.getSchema();
        if ("cursor".equals(parameter.getName()) && cursor != null) {
            return mutated(hostile, cursor);
        }
        if ("integer".equals(schema.getType())) {
            return hostile.oneOf(List.of("1", "2", "100", "101", "0", "-1", "2147483647", "2147483648", "1000000000",
                    "9223372036854775807", "1e3", "07", "+1", " 1", String.valueOf(hostile.nextInt(Integer.MAX_VALUE))));
        }
        if ("boolean".equals(schema.getType())) {
            return hostile.oneOf(List.of("true", "false", "TRUE", "1", "yes", ""));
        }
        if ("date-time".equals(schema.getFormat())) {
            return hostile.oneOf(List.of(Instant.now().toString(), "2020-01-01T00:00:00Z", "2020-01-01T00:00:00+02:00",
                    "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                    "9999-12-31T23:59:59.999999999Z", "1e308"));
        }
        String pattern = schema.getPattern() != null ? schema.getPattern()
                : schema.getItems() != null && (schema.getItems().getEnum() != null || schema.getItems().get$ref() != null)
                        ? String.join("|", enumOf(schema.getItems())) : null;
        if (pattern != null) {
            List<String> words = new ArrayList<>(List.of(pattern.replaceAll("[^A-Za-z|]+", "|").split("\\|+")));
            words.removeIf(String::isEmpty);
            StringBuilder value = new StringBuilder(hostile.chance(0.3) ? "-" : "");
            for (int n = 1 + hostile.nextInt(3); n > 0; n--) {
                value.append(value.isEmpty() || value.toString().equals("-") ? "" : ",").append(hostile.oneOf(words));
            }
            return value.toString();
        }
        return hostile.letters(1 + hostile.nextInt(12));
    }

    private static List<String> enumOf(Schema<?> items) {
        if (items.get$ref() != null) {
            items = CONTRACT.getComponents().getSchemas().get(items.get$ref().replaceFirst(".*/", ""));
        }
        return items.getEnum().stream().map(String::valueOf).toList();
    }

    private static String mutated(Hostile hostile, String cursor) {
        int at = hostile.nextInt(cursor.length());
        return switch (hostile.nextInt(5)) {
            case 0 -> cursor;
            case 1 -> cursor.substring(0, at);
            case 2 -> cursor.substring(0, at) + hostile.string(5) + cursor.substring(at);
            case 3 -> cursor + cursor;
            default -> cursor.substring(0, at) + (char) ('A' + hostile.nextInt(26)) + cursor.substring(at + 1);
        };
    }
}

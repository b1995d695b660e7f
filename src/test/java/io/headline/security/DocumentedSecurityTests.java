package io.headline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * The contract says what the code enforces: an operation documented as open to anonymous callers ({@code - {}})
 * is exactly one whose {@code @RolesAllowed} admits the reader role (which anonymous callers hold while public
 * reads are on) or that permits all; every other operation documents that it needs a bearer token.
 */
class DocumentedSecurityTests {

    private static final List<Set<String>> TOKEN_OPTIONAL = List.of(Set.of(), Set.of("bearer"));
    private static final List<Set<String>> TOKEN_REQUIRED = List.of(Set.of("bearer"));

    @Test
    void shouldDocumentTheSecurityThatEachResourceMethodEnforces() throws Exception {
        OpenAPI contract = new OpenAPIV3Parser().read("openapi.yaml");
        Map<String, List<Set<String>>> documented = new HashMap<>();
        contract.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                documented.put(operation.getOperationId(), schemes(operation.getSecurity()))));

        Map<String, List<Set<String>>> enforced = new TreeMap<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                if (operation != null) {
                    enforced.put(operation.operationId(), admitsAnonymous(resource, method) ? TOKEN_OPTIONAL : TOKEN_REQUIRED);
                }
            }
        }

        assertThat(enforced).hasSizeGreaterThan(20);
        enforced.forEach((operationId, security) ->
                assertThat(documented.get(operationId)).as(operationId).isEqualTo(security));
    }

    private static List<Set<String>> schemes(List<SecurityRequirement> requirements) {
        return requirements == null ? List.of() : requirements.stream().map(r -> r.keySet()).toList();
    }

    private static boolean admitsAnonymous(Class<?> resource, Method method) {
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        boolean permitAll = method.isAnnotationPresent(PermitAll.class)
                || roles == null && resource.isAnnotationPresent(PermitAll.class);
        return permitAll || roles != null && List.of(roles.value()).contains(Roles.READER);
    }

    /** Every JAX-RS resource class of the application, found among the compiled classes. */
    private static List<Class<?>> resources() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/headline"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, DocumentedSecurityTests.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }
}

package io.headline.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's Configuration table and the {@code @ConfigMapping} interfaces say the same: every property Headline reads
 * is a row (as its environment variable, HEADLINE_..., or as the property), and every HEADLINE_ row is a property. A
 * property added without its row fails the build. A map property (headline.rate-limit.roles.&lt;role&gt;) is a row
 * whose variable ends in a placeholder: HEADLINE_RATE_LIMIT_ROLES_&lt;ROLE&gt;.
 */
class ConfigurationTableTests {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("(_|\\.)<[^>]+>$");

    /** Every leaf property of the mappings, as its environment variable, with the property's name. */
    private static Map<String, String> properties;
    private static Set<String> documented;

    @BeforeAll
    static void read() throws IOException {
        properties = new TreeMap<>();
        for (Class<?> mapping : mappings()) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            leaves(mapping, prefix).forEach(property -> properties.put(env(property), property));
        }
        documented = documentedVariables(Files.readString(Path.of("README.md")));
    }

    @Test
    void shouldFindTheMappings() {
        assertThat(properties).containsEntry("HEADLINE_ADMIN_TOKEN", "headline.admin-token")
                .containsEntry("HEADLINE_RATE_LIMIT_ROLES_*", "headline.rate-limit.roles.*")
                .containsEntry("HEADLINE_TRANSFER_BATCH_SIZE", "headline.transfer.batch-size");
    }

    @Test
    void shouldDocumentEveryPropertyInTheConfigurationTable() {
        Map<String, String> missing = new TreeMap<>(properties);
        missing.keySet().removeAll(documented);
        assertThat(missing).as("properties of the config mappings without a row in README's Configuration table")
                .isEmpty();
    }

    @Test
    void shouldDocumentOnlyPropertiesThatExist() {
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(properties.keySet());
        assertThat(unknown).as("HEADLINE_ rows of README's Configuration table that no config mapping reads").isEmpty();
    }

    /** The interfaces annotated {@code @ConfigMapping} among the compiled main classes. */
    private static List<Class<?>> mappings() throws IOException {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            List<Class<?>> found = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(ConfigurationTableTests::load)
                    .filter(type -> type.isInterface() && type.isAnnotationPresent(ConfigMapping.class))
                    .toList();
            assertThat(found).as("config mappings under target/classes").isNotEmpty();
            return found;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationTableTests.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<String> leaves(Class<?> group, String prefix) {
        return Stream.of(group.getMethods())
                .filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                .flatMap(m -> {
                    String name = m.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + name(m);
                    Class<?> type = m.getReturnType();
                    if (type == Optional.class) {
                        type = rawArgument(m.getGenericReturnType(), 0);
                    }
                    if (Map.class.isAssignableFrom(type)) {
                        return Stream.of(name + ".*");
                    }
                    if (type.isInterface() && type.getName().startsWith("io.headline.")) {
                        return leaves(type, name);
                    }
                    return Stream.of(name);
                });
    }

    private static String name(Method method) {
        WithName named = method.getAnnotation(WithName.class);
        return named != null ? named.value() : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Class<?> rawArgument(Type type, int index) {
        Type argument = ((ParameterizedType) type).getActualTypeArguments()[index];
        return argument instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) argument;
    }

    /** headline.rate-limit.max-callers → HEADLINE_RATE_LIMIT_MAX_CALLERS, as SmallRye Config maps the environment. */
    private static String env(String property) {
        return property.replace(".*", "_*").replaceAll("[^A-Za-z0-9*]", "_").toUpperCase();
    }

    /** The HEADLINE_ variables (or headline. properties) named in the first column of the Configuration table. */
    static Set<String> documentedVariables(String readme) {
        int start = readme.indexOf("\n## Configuration\n");
        assertThat(start).as("README has a Configuration section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> variables = new TreeSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("|") || cells.length < 2) {
                continue;
            }
            Matcher code = CODE.matcher(cells[1]);
            while (code.find()) {
                String name = PLACEHOLDER.matcher(code.group(1).strip()).replaceFirst("$1*");
                if (name.startsWith("HEADLINE_") || name.startsWith("headline.")) {
                    variables.add(env(name));
                }
            }
        }
        return variables;
    }
}

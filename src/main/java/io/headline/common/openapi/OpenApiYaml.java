package io.headline.common.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Serves the YAML form of {@code /q/openapi} with every date-time quoted. SmallRye writes strings unquoted where YAML
 * allows, so an example such as {@code 2020-01-01T00:00:00Z} came out bare, and a YAML 1.1 parser (most generators'
 * and SnakeYAML's) reads that as a timestamp, not the string the server sends. This writes the same document, from
 * its JSON form, with the same settings and one more rule: a string a YAML 1.1 parser would take for a timestamp is
 * quoted. The JSON form is SmallRye's own, untouched.
 */
@ApplicationScoped
class OpenApiYaml {

    /** Before Quarkus's own OpenAPI handler. */
    private static final int ORDER = Integer.MIN_VALUE + 100;
    private static final List<String> PATHS = List.of("/q/openapi", "/q/openapi.yaml", "/q/openapi.yml");
    /** YAML 1.1's timestamp type (yaml.org/type/timestamp.html). */
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
            + "(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");

    private volatile byte[] yaml;

    void register(@Observes Router router) {
        router.routeWithRegex("/q/openapi(\\.ya?ml)?").order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (!(method == HttpMethod.GET || method == HttpMethod.HEAD) || !PATHS.contains(context.normalizedPath())
                || !asksForYaml(context)) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, Format.YAML.getMimeType() + ";charset=UTF-8");
        if (method == HttpMethod.HEAD) {
            context.response().end();
        } else {
            context.response().end(Buffer.buffer(yaml()));
        }
    }

    /** As Quarkus decides it: YAML unless the path, the Accept header or {@code format=json} asks for JSON. */
    private static boolean asksForYaml(RoutingContext context) {
        if (!context.normalizedPath().equals("/q/openapi")) {
            return true;
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        List<String> format = context.queryParam("format");
        return !(accept != null && accept.contains(Format.JSON.getMimeType()))
                && !(!format.isEmpty() && "JSON".equalsIgnoreCase(format.get(0)));
    }

    private byte[] yaml() {
        byte[] rendered = yaml;
        if (rendered == null) {
            OpenApiDocumentService documents = Arc.container().instance(OpenApiDocumentService.class).get();
            rendered = render(documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
            yaml = rendered;
        }
        return rendered;
    }

    static byte[] render(byte[] json) {
        YAMLFactory factory = YAMLFactory.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.ALLOW_LONG_KEYS)
                .stringQuotingChecker(new QuoteTimestamps())
                .build();
        try {
            ObjectMapper mapper = new ObjectMapper();
            return mapper.copyWith(factory).writer().writeValueAsBytes(mapper.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's rules, and a timestamp quoted. */
    private static final class QuoteTimestamps extends StringQuotingChecker.Default {

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || TIMESTAMP.matcher(value).matches();
        }
    }
}

package io.headline.ops;

import io.headline.common.metrics.RouteTemplate;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * Keeps every label of the HTTP server timings that a caller can influence to a known set, so that the number of
 * series, and the size of a scrape, is bounded by the code and not by what strangers send: {@code method} is a
 * standard method or {@code _OTHER} (the word OpenTelemetry's HTTP conventions use), and {@code uri} is a route
 * template of the API, one of the fixed words Quarkus and {@link RouteTemplate} use, or {@code UNKNOWN} for a path
 * that matched no route (a 405 on a path with a variable, a request abandoned before routing). Each made-up method
 * was a family of series of its own, and each such path took a place under the metrics' cap on distinct routes,
 * after which real routes went untimed. {@code status} and {@code outcome} are the server's own choice.
 *
 * <p>A meter filter sees every timing, whichever way Quarkus records it (an answer, a reset, a push), which a
 * per-request hook would not. The route templates are read from Quarkus REST's own routing table, the one that
 * names the template of a matched request, once, when the first timing is recorded.
 */
@Singleton
class HttpTimingLabels {

    static final String OTHER_METHOD = "_OTHER";
    /** RFC 9110's methods and PATCH (RFC 5789). */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE",
            "PATCH");
    /** Quarkus's words for an answer without a template (io.quarkus.micrometer.runtime.binder.HttpCommonTags). */
    static final Set<String> FIXED = Set.of("NOT_FOUND", "REDIRECTION", "root", RouteTemplate.UNKNOWN,
            "/cors-preflight", RouteTemplate.REFUSED);
    private static final String HTTP_SERVER = "http.server";
    private static final Pattern SLASHES = Pattern.compile("/+");

    private volatile Set<String> templates;

    @Produces
    @Singleton
    MeterFilter boundedHttpLabels() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith(HTTP_SERVER) ? bounded(id) : id;
            }
        };
    }

    private Meter.Id bounded(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            String value = switch (tag.getKey()) {
                case "method" -> METHODS.contains(tag.getValue()) ? tag.getValue() : OTHER_METHOD;
                case "uri" -> FIXED.contains(tag.getValue()) || templates().contains(normalized(tag.getValue()))
                        ? tag.getValue() : RouteTemplate.UNKNOWN;
                default -> tag.getValue();
            };
            changed |= !value.equals(tag.getValue());
            tags.add(Tag.of(tag.getKey(), value));
        }
        return changed ? id.replaceTags(tags) : id;
    }

    private Set<String> templates() {
        Set<String> known = templates;
        if (known == null) {
            Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
            if (deployment == null) {
                return Set.of();
            }
            known = templates(deployment);
            templates = known;
        }
        return known;
    }

    /** Every resource method's template, made as Quarkus REST makes the one it names: its class's path and its own. */
    static Set<String> templates(Deployment deployment) {
        Set<String> templates = new HashSet<>();
        for (RequestMapper.RequestPath<RestInitialHandler.InitialMatch> type : deployment.getClassMappers()) {
            ServerRestHandler[] handlers = type.value.handlers;
            if (handlers != null && handlers.length > 0 && handlers[0] instanceof ClassRoutingHandler routing) {
                for (RequestMapper<RuntimeResource> byMethod : routing.getMappers().values()) {
                    for (RequestMapper.RequestPath<RuntimeResource> method : byMethod.getTemplates()) {
                        templates.add(normalized(type.template.template + method.template.template));
                    }
                }
            }
        }
        return Set.copyOf(templates);
    }

    /** As Quarkus's metrics write a template: one leading slash, none doubled, none trailing. */
    static String normalized(String path) {
        String single = SLASHES.matcher("/" + path).replaceAll("/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}

package io.headline.security;

import io.headline.common.HeadlineConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says at start-up that a server started without HEADLINE_ADMIN_TOKEN takes no writes (but those of API tokens
 * created earlier), and how to turn them on: otherwise a newcomer learns it from a 401 on the first write.
 */
@ApplicationScoped
class AdminTokenNotice {

    private static final Logger LOG = Logger.getLogger(AdminTokenNotice.class);

    private final Optional<String> notice;

    /** The jar's import and export commands serve no HTTP (see HeadlineMain): no API, nothing to say. */
    AdminTokenNotice(HeadlineConfig config,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        this.notice = serving ? notice(config.adminToken()) : Optional.empty();
    }

    void announce(@Observes StartupEvent started) {
        notice.ifPresent(LOG::warn);
    }

    /** The warning for a server started with this admin token, if it needs one. */
    static Optional<String> notice(Optional<String> adminToken) {
        if (adminToken.filter(token -> !token.isBlank()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("No HEADLINE_ADMIN_TOKEN is set: writes are off (reads work, and API tokens created earlier "
                + "keep their roles). To write, restart with HEADLINE_ADMIN_TOKEN=<a long random secret> and send it as "
                + "'Authorization: Bearer <secret>'.");
    }
}

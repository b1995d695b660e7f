package io.headline.article;

import io.agroal.api.AgroalDataSource;
import io.headline.locale.Locales;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Whether every article is in the default locale while it is the only one configured: then a list filters on no
 * locale and keeps the plans it had before translations (a count answered from an index alone). With one locale, no
 * other can be written, so what the look at start finds holds until the next start.
 */
@ApplicationScoped
class StoredLocales {

    private static final Logger LOG = Logger.getLogger(StoredLocales.class);

    private final AgroalDataSource dataSource;
    private final Locales locales;
    private volatile boolean onlyTheDefault;

    StoredLocales(AgroalDataSource dataSource, Locales locales) {
        this.dataSource = dataSource;
        this.locales = locales;
    }

    void look(@Observes StartupEvent started) throws SQLException {
        if (locales.multiple()) {
            return;
        }
        // Two ranges of ix_article_locale: "<>" would read the whole index.
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select locale from article where locale < ? or locale > ? "
                        + "limit 1")) {
            s.setString(1, locales.defaultLocale());
            s.setString(2, locales.defaultLocale());
            try (ResultSet rs = s.executeQuery()) {
                onlyTheDefault = !rs.next();
                if (!onlyTheDefault) {
                    // Not served while their locale is not configured: most likely rows written before localization
                    // (in 'en') on a site whose one locale is another.
                    LOG.warnf("Some articles are in a locale headline.locales (%s) does not have, such as '%s': they "
                            + "are not served. Add it to headline.locales, or relabel them (README, Localization).",
                            locales.defaultLocale(), rs.getString(1));
                }
            }
        }
    }

    /** Whether every article is in the default locale, the only one configured. */
    boolean onlyTheDefault() {
        return onlyTheDefault;
    }
}

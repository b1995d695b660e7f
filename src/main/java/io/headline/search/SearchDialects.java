package io.headline.search;

import io.headline.locale.Locales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Picks the search of the database the application was built for. */
public class SearchDialects {

    @Produces
    @ApplicationScoped
    SearchDialect searchDialect(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, Locales locales) {
        return dbKind.startsWith("postgres") ? new PostgresSearch(locales) : new PortableSearch();
    }
}

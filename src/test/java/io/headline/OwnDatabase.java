package io.headline;

import java.util.HashMap;
import java.util.Map;

/**
 * Config overrides for a test profile (which restarts Quarkus): on the embedded database, a fresh in-memory
 * database of its own, because H2 refuses inserts into a database that outlived a restart ("check constraint
 * invalid"); on PostgreSQL, the run's database as it is.
 */
public final class OwnDatabase {

    private OwnDatabase() {
    }

    public static Map<String, String> with(String name, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        String url = System.getProperty("quarkus.datasource.jdbc.url", "");
        if (url.startsWith("jdbc:h2:mem:")) {
            all.put("quarkus.datasource.jdbc.url", url.replaceFirst("jdbc:h2:mem:[^;]+", "jdbc:h2:mem:" + name));
        }
        return all;
    }
}

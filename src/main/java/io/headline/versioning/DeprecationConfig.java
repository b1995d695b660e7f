package io.headline.versioning;

import io.smallrye.config.ConfigMapping;
import java.time.LocalDate;
import java.util.Map;

/** When deprecated operations and parameters stop working: the date their Sunset header announces. */
@ConfigMapping(prefix = "headline.deprecation")
public interface DeprecationConfig {

    /**
     * The last day (UTC) of each deprecated operation, by operationId ({@code headline.deprecation.sunset.listArticles}),
     * or of a deprecated query parameter, by operationId and name ({@code ...sunset."listArticles.tags"}). A deprecated
     * thing with no date here gets a Deprecation header and no Sunset: its end is not decided yet.
     */
    Map<String, LocalDate> sunset();
}

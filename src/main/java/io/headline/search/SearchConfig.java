package io.headline.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on what one search may cost, whatever the number of articles it matches. */
@ConfigMapping(prefix = "headline.search")
public interface SearchConfig {

    /**
     * How many matches a search considers (HEADLINE_SEARCH_CANDIDATES): the newest ones the caller may see. Ranking,
     * paging, the count and the facets of a search cover those only, so that a word found in most articles costs no
     * more than a rarer one (ranking reads each candidate's stored document).
     */
    @WithDefault("1000")
    int candidates();
}

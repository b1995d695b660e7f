package io.headline.ghost;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the Ghost Content API's settings say of the site; its URL is headline.site-url. */
@ConfigMapping(prefix = "headline.ghost")
public interface GhostConfig {

    /** The site's title (HEADLINE_GHOST_SITE_TITLE). */
    @WithDefault("Headline")
    String siteTitle();

    /** The site's description (HEADLINE_GHOST_SITE_DESCRIPTION). */
    @WithDefault("News and features.")
    String siteDescription();
}

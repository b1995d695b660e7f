package io.headline.media;

import java.util.UUID;

/**
 * Fired (a CDI event, synchronously, inside the change's transaction) when what articles show of a media changed: its
 * texts or its file version (so every URL of it). Articles that use it render their bodies again; the media package
 * does not know them.
 */
public record MediaChanged(UUID mediaId) {
}

package io.headline.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * When public content next changes by itself, with no write: a scheduled article going out. No cached response
 * outlives that instant.
 */
public interface ScheduledChanges {

    Optional<Instant> nextAfter(Instant now);
}

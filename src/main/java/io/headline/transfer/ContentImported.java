package io.headline.transfer;

import java.util.Set;
import java.util.UUID;

/**
 * Fired once per batch of an import, synchronously inside the batch's transaction, with the ids of what it created or
 * changed (unchanged rows are not named). An observer that must act only on committed data (a response cache
 * dropping what the batch made stale) observes it with {@code during = TransactionPhase.AFTER_SUCCESS}; an observer
 * that throws rolls the batch back.
 */
public record ContentImported(Set<UUID> categories, Set<UUID> authors, Set<UUID> articles) {
}

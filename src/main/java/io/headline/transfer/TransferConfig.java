package io.headline.transfer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk import and export (HEADLINE_TRANSFER_...). */
@ConfigMapping(prefix = "headline.transfer")
public interface TransferConfig {

    /**
     * Lines written per transaction (HEADLINE_TRANSFER_BATCH_SIZE): a batch is imported whole or not at all, and what
     * an import reports as imported is committed.
     */
    @WithDefault("500")
    int batchSize();

    /** The most failed lines an import's summary lists (each with its line number and reason); all are counted. */
    @WithDefault("1000")
    int maxReportedErrors();

    /**
     * The longest line accepted, in bytes (an article's body may have 1,000,000 characters, escaped in JSON); a longer
     * line is reported as failed and skipped without being held.
     */
    @WithDefault("8388608")
    int maxLineBytes();
}

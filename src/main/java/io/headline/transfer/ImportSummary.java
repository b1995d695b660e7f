package io.headline.transfer;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportSummary", description = "What an import did, line by line counted: each line is created, updated, "
        + "unchanged or failed. Everything counted as created, updated or unchanged is committed.")
public record ImportSummary(
        @Schema(description = "Lines read, blank lines included.", required = true)
        int lines,
        @Schema(description = "Lines that created something.", required = true)
        int created,
        @Schema(description = "Lines that changed something that existed.", required = true)
        int updated,
        @Schema(description = "Lines that matched what the database already held.", required = true)
        int unchanged,
        @Schema(description = "Lines not imported; `errors` lists them.", required = true)
        int failed,
        @Schema(required = true)
        Counts categories,
        @Schema(required = true)
        Counts authors,
        @Schema(required = true)
        Counts articles,
        @Schema(description = "The failed lines in order, at most headline.transfer.max-reported-errors (1,000) of them.",
                required = true)
        List<LineError> errors,
        @Schema(description = "Whether more lines failed than `errors` lists (or media, `mediaFailed`).",
                required = true)
        boolean errorsTruncated,
        @Schema(description = "Only when a WordPress export was imported with its media (`--media` on the command "
                + "line): the posts whose featured image was imported into the media library (or found there, the "
                + "same bytes) and set as their article's feature image.")
        Integer mediaImported,
        @Schema(description = "Only when a WordPress export was imported with its media: the posts whose featured "
                + "image could not be (not fetched, refused, not an image, not in the export); `errors` lists them by "
                + "the post's line, and their articles are imported without it.")
        Integer mediaFailed) {

    public ImportSummary(int lines, int created, int updated, int unchanged, int failed, Counts categories,
            Counts authors, Counts articles, List<LineError> errors, boolean errorsTruncated) {
        this(lines, created, updated, unchanged, failed, categories, authors, articles, errors, errorsTruncated, null,
                null);
    }

    /**
     * This summary with the outcome of the featured images: their failures listed after the lines', as far as
     * {@code maxErrors} allows.
     */
    ImportSummary withMedia(int imported, int mediaFailed, List<LineError> mediaErrors, int maxErrors) {
        List<LineError> all = new java.util.ArrayList<>(errors);
        int room = Math.max(0, maxErrors - all.size());
        all.addAll(mediaErrors.subList(0, Math.min(room, mediaErrors.size())));
        return new ImportSummary(lines, created, updated, unchanged, failed, categories, authors, articles,
                List.copyOf(all), errorsTruncated || mediaFailed > room, imported, mediaFailed);
    }

    @Schema(name = "ImportCounts", description = "Lines of one type, by what they did.")
    public record Counts(
            @Schema(description = "Lines that made a new item.", required = true) int created,
            @Schema(description = "Lines that changed an existing item.", required = true) int updated,
            @Schema(description = "Lines that matched an existing item as it was.", required = true)
            int unchanged) {
    }

    @Schema(name = "ImportLineError", description = "A line that was not imported.")
    public record LineError(
            @Schema(description = "The line's number, from 1.", required = true) int line,
            @Schema(description = "Why, e.g. `title: must not be blank`.", required = true) String reason) {

        /** The most characters a reason keeps: one that quotes what it refuses quotes only its beginning. */
        static final int MAX_REASON = 500;

        public LineError {
            reason = shortened(reason);
        }

        static String shortened(String text) {
            return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
        }
    }
}

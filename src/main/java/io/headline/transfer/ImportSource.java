package io.headline.transfer;

import java.io.IOException;
import java.util.List;

/**
 * Where an import's entries come from: an NDJSON stream's lines, a WordPress export's authors, categories and posts
 * (WordPressSource), a folder's Markdown files (MarkdownSource). Each becomes a row by the same rules (LineParser), and
 * every format goes through the same batches, writer and counts (ImportService).
 */
interface ImportSource {

    /**
     * An entry as read: the row to write, or the reason it cannot be.
     *
     * @param line  its number, from 1: an NDJSON line's, or the entry's place in the file or folder
     * @param where what names it in a report instead of its line (a file, a post), or null
     */
    record Entry(int line, ImportRow row, String failure, String where) {

        /** A reason and a name are kept short whatever the entry quotes, so a batch of failures stays small. */
        public Entry {
            failure = ImportSummary.LineError.shortened(failure);
            where = ImportSummary.LineError.shortened(where);
        }

        static Entry failed(int line, String reason, String where) {
            return new Entry(line, null, reason, where);
        }
    }

    /** The next entries, at most {@code max}, in order: fewer only at the end, none once it is reached. */
    List<Entry> next(int max) throws IOException;

    /** What has been read so far, counted as the summary's lines (an NDJSON stream's blank lines included). */
    int read();

    /** The bytes read so far, for progress. */
    long bytesRead();
}

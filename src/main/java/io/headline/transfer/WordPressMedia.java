package io.headline.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a WordPress export says about its posts' featured images, collected while it streams past when the import was
 * asked for them ({@code --media}): each post's {@code _thumbnail_id}, and each attachment's URL, alt text and caption.
 * Attachments may come before or after the posts that use them, so both are kept until the end, as ids and URLs, never
 * files: at most MAX_ENTRIES of each, a URL at most MAX_URL characters, the texts cut to what a media item takes, and
 * all of an export's attachments' URLs and texts at most MAX_KEPT_TEXT characters together.
 * What does not fit is not kept, and the post it leaves without its image is reported (FeatureImages).
 */
final class WordPressMedia {

    /** The most posts with a featured image, and the most attachments, kept. */
    static final int MAX_ENTRIES = 100_000;
    /** The longest attachment URL kept: what a media import by URL takes. */
    static final int MAX_URL = 2048;
    /** MediaUrlInput's bounds: longer texts are cut rather than fail the image. */
    static final int MAX_ALT = 1000;
    static final int MAX_CAPTION = 2000;
    /** The most characters of URLs and texts kept for all attachments (a hostile export could hold 100,000 × 5,000). */
    static final long MAX_KEPT_TEXT = 32_000_000;
    /** WordPress's ids are numbers; a longer "id" names nothing an export holds. */
    static final int MAX_ID = 32;

    /** A post that names a featured image: its entry (the summary's line), what names it, its externalId. */
    record Thumbnail(int entry, String where, String externalId, String attachmentId) {
    }

    /** An attachment of the export: its URL (null when too long to keep), alt text and caption. */
    record Attachment(String url, String alt, String caption) {
    }

    private final Map<String, Thumbnail> thumbnails = new LinkedHashMap<>();
    private final Map<String, Attachment> attachments = new HashMap<>();
    private boolean thumbnailsFull;
    private boolean attachmentsFull;
    private long keptText;

    /** A post's featured image; a post read again (the same externalId) names the image it names last. */
    void thumbnail(int entry, String where, String externalId, String attachmentId) {
        if (externalId == null || attachmentId == null) {
            return;
        }
        if (attachmentId.length() > MAX_ID) {
            attachmentId = attachmentId.substring(0, MAX_ID) + "…";
        }
        where = ImportSummary.LineError.shortened(where);
        if (thumbnails.size() >= MAX_ENTRIES && !thumbnails.containsKey(externalId)) {
            thumbnailsFull = true;
            return;
        }
        thumbnails.put(externalId, new Thumbnail(entry, where, externalId, attachmentId));
    }

    void attachment(String id, String url, String alt, String caption) {
        if (id == null || url == null || id.length() > MAX_ID) {
            return;
        }
        Attachment attachment = new Attachment(url.length() > MAX_URL ? null : url, cut(alt, MAX_ALT),
                cut(caption, MAX_CAPTION));
        long size = length(attachment.url()) + length(attachment.alt()) + length(attachment.caption());
        if ((attachments.size() >= MAX_ENTRIES || keptText + size > MAX_KEPT_TEXT) && !attachments.containsKey(id)) {
            attachmentsFull = true;
            return;
        }
        keptText += size;
        attachments.put(id, attachment);
    }

    /** The posts with a featured image, in the export's order. */
    List<Thumbnail> thumbnails() {
        return new ArrayList<>(thumbnails.values());
    }

    /** Why a post's featured image cannot be imported from what the export said, or null when it can. */
    String missing(Thumbnail thumbnail) {
        Attachment attachment = attachments.get(thumbnail.attachmentId());
        if (attachment == null) {
            return attachmentsFull ? "attachment " + thumbnail.attachmentId() + " is not in the export, or not "
                    + "among the attachments kept (the first " + MAX_ENTRIES + ", " + MAX_KEPT_TEXT
                    + " characters of URLs and texts together)"
                    : "attachment " + thumbnail.attachmentId() + " is not in the export";
        }
        if (attachment.url() == null) {
            return "attachment " + thumbnail.attachmentId() + " has a URL longer than " + MAX_URL + " characters";
        }
        return null;
    }

    Attachment attachment(String id) {
        return attachments.get(id);
    }

    /** Whether posts past MAX_ENTRIES named featured images that were not kept. */
    boolean thumbnailsFull() {
        return thumbnailsFull;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String cut(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

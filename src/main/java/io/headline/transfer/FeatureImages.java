package io.headline.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.headline.article.ArticleService;
import io.headline.common.error.Problem;
import io.headline.common.error.ProblemException;
import io.headline.delivery.IfMatch;
import io.headline.locale.Locales;
import io.headline.media.MediaService;
import io.headline.media.MediaUrlInput;
import io.headline.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The media pass of a WordPress import asked for it ({@code --media}), once its posts are written: each imported
 * post's featured image is fetched by its attachment's URL into the media library (MediaService.uploadFromUrl, with
 * its SSRF guard, time and size limits; the same bytes already there are that media) and set as its article's feature
 * image through ArticleService, as an API write would, so that article_media, caches and webhooks follow. An image
 * that cannot be fetched or set is reported by its post's line in the summary and counted in {@code mediaFailed}; the
 * article stays imported without it, and the import goes on. A post that was not imported is passed over.
 *
 * <p>Each attachment is fetched once however many posts use it, a few at a time; an article that already has the
 * image is left as it is, so a rerun changes nothing. A translation whose article has one in the default locale takes
 * that one's featured image, as it takes the rest of what translations share (ImportWriter): its own is passed over.
 */
@ApplicationScoped
public class FeatureImages {

    private static final Logger LOG = Logger.getLogger(FeatureImages.class);
    /** Fetches at a time: what the media fetcher's connection pool holds. */
    private static final int FETCHES = 4;
    /** Posts looked up and handled together. */
    private static final int CHUNK = 200;

    private final MediaService media;
    private final ArticleService articles;
    private final DataSource dataSource;
    private final TransferConfig config;
    private final Locales locales;

    FeatureImages(MediaService media, ArticleService articles, DataSource dataSource, TransferConfig config,
            Locales locales) {
        this.locales = locales;
        this.media = media;
        this.articles = articles;
        this.dataSource = dataSource;
        this.config = config;
    }

    /** What became of an attachment: its media, or why there is none. */
    private record Fetched(UUID mediaId, String failure) {
    }

    /** An imported article: its id and the media of its feature image, if any. */
    private record Imported(UUID id, UUID featureMediaId) {
    }

    /** The summary of the import that read {@code wanted}, with its featured images' outcome added. */
    ImportSummary attach(WordPressMedia wanted, ImportSummary summary) {
        int imported = 0;
        int failed = 0;
        List<ImportSummary.LineError> errors = new ArrayList<>();
        Map<String, Fetched> fetched = new HashMap<>();
        ExecutorService fetching = Executors.newFixedThreadPool(FETCHES, task -> {
            Thread thread = new Thread(task, "headline-import-media");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<WordPressMedia.Thumbnail> all = wanted.thumbnails();
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<WordPressMedia.Thumbnail> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                Map<String, Imported> found = importedArticles(chunk);
                List<WordPressMedia.Thumbnail> present = chunk.stream()
                        .filter(t -> found.containsKey(t.externalId())).toList();
                fetch(wanted, present, fetched, fetching);
                for (WordPressMedia.Thumbnail thumbnail : present) {
                    String failure = wanted.missing(thumbnail);
                    if (failure == null) {
                        Fetched image = fetched.get(thumbnail.attachmentId());
                        failure = image.failure() != null ? image.failure()
                                : setFeature(found.get(thumbnail.externalId()), image.mediaId());
                    }
                    if (failure == null) {
                        imported++;
                    } else {
                        failed++;
                        if (errors.size() < config.maxReportedErrors()) {
                            errors.add(new ImportSummary.LineError(thumbnail.entry(), thumbnail.where()
                                    + ": featured image (attachment " + thumbnail.attachmentId() + "): " + failure));
                        }
                    }
                }
            }
        } finally {
            fetching.shutdownNow();
        }
        if (wanted.thumbnailsFull()) {
            LOG.warnf("Import: only the first %d posts' featured images were imported", WordPressMedia.MAX_ENTRIES);
        }
        return summary.withMedia(imported, failed, errors, config.maxReportedErrors());
    }

    /** Fetches the attachments of these posts not fetched before, a few at a time. */
    private void fetch(WordPressMedia wanted, List<WordPressMedia.Thumbnail> thumbnails, Map<String, Fetched> fetched,
            ExecutorService fetching) {
        Set<String> ids = new LinkedHashSet<>();
        for (WordPressMedia.Thumbnail t : thumbnails) {
            if (!fetched.containsKey(t.attachmentId()) && wanted.missing(t) == null) {
                ids.add(t.attachmentId());
            }
        }
        Map<String, Future<Fetched>> running = new HashMap<>();
        for (String id : ids) {
            WordPressMedia.Attachment attachment = wanted.attachment(id);
            Callable<Fetched> task = () -> fetch(attachment);
            running.put(id, fetching.submit(task));
        }
        for (Map.Entry<String, Future<Fetched>> e : running.entrySet()) {
            try {
                fetched.put(e.getKey(), e.getValue().get());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw ProblemException.unavailable("The import was interrupted.", 30);
            } catch (ExecutionException failed) {
                fetched.put(e.getKey(), new Fetched(null, reason(failed.getCause())));
            }
        }
    }

    private Fetched fetch(WordPressMedia.Attachment attachment) {
        try {
            MediaService.Uploaded uploaded = media.uploadFromUrl(new MediaUrlInput(attachment.url(), attachment.alt(),
                    attachment.caption(), null, null), Caller.SYSTEM);
            return new Fetched(uploaded.media().id(), null);
        } catch (IOException | RuntimeException e) {
            return new Fetched(null, attachment.url() + ": " + reason(e));
        }
    }

    /** Sets the article's feature image, unless it is that image already; null when done, else why not. */
    private String setFeature(Imported article, UUID mediaId) {
        if (mediaId.equals(article.featureMediaId())) {
            return null;
        }
        try {
            articles.patch(article.id().toString(), JsonNodeFactory.instance.objectNode()
                    .put("featureImage", mediaId.toString()), IfMatch.ABSENT, Caller.SYSTEM);
            return null;
        } catch (JsonProcessingException | RuntimeException e) {
            return reason(e);
        }
    }

    /** The imported articles of these posts, by externalId, but for translations that share another's image. */
    private Map<String, Imported> importedArticles(List<WordPressMedia.Thumbnail> thumbnails) {
        Map<String, Imported> found = new HashMap<>();
        // Of each group, the externalIds of its translations outside the default locale.
        Map<UUID, List<String>> translations = new HashMap<>();
        String defaultLocale = locales.defaultLocale();
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.select(connection, "select external_id, id, feature_media_id, locale, translation_group from article "
                    + "where external_id in (%s)", thumbnails.stream().map(WordPressMedia.Thumbnail::externalId).toList(),
                    rs -> {
                        UUID id = rs.getObject(2, UUID.class);
                        found.put(rs.getString(1), new Imported(id, rs.getObject(3, UUID.class)));
                        UUID group = rs.getObject(5, UUID.class);
                        if (!defaultLocale.equals(rs.getString(4))) {
                            translations.computeIfAbsent(group == null ? id : group, k -> new ArrayList<>())
                                    .add(rs.getString(1));
                        }
                    });
            if (!translations.isEmpty()) {
                Jdbc.RowReader shared = rs -> translations.get(rs.getObject(1, UUID.class)).forEach(found::remove);
                // A configured tag: letters, digits and hyphens.
                String inDefault = "from article where locale = '" + defaultLocale + "' and ";
                Jdbc.select(connection, "select id " + inDefault + "id in (%s)", translations.keySet(), shared);
                Jdbc.select(connection, "select translation_group " + inDefault + "translation_group in (%s)",
                        translations.keySet(), shared);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the imported articles: " + e.getMessage(), e);
        }
        return found;
    }

    /** A failure in words: a problem's field messages, a violation's, or what the exception says. */
    private static String reason(Throwable e) {
        if (e instanceof ProblemException problem) {
            return problem.errors().isEmpty() ? problem.getMessage()
                    : problem.errors().stream().map(Problem.FieldError::message).collect(Collectors.joining("; "));
        }
        if (e instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        }
        LOG.debugf(e, "Import: a featured image failed");
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package io.headline.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.common.json.MergePatcher;
import io.headline.common.paging.PageRequest;
import io.headline.common.query.InList;
import io.headline.common.query.Slice;
import io.headline.delivery.EntityTags;
import io.headline.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;

/**
 * The media library: takes uploads (checked, measured and stored once per distinct content), keeps their metadata,
 * decides who may see and change them, and hands out their files and renditions.
 */
@ApplicationScoped
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class);
    /** The width an image in an article body is shown at, at most: what its {@code src} rendition is. */
    public static final int CONTENT_WIDTH = 960;

    private final MediaRepository repository;
    private final MediaStore store;
    private final MediaConfig config;
    private final Clock clock;
    private final Validator validator;
    private final MergePatcher patcher;
    private final Vips vips;
    private final Renditions renditions;
    private final UploadReader uploads;
    private final MediaFetcher fetcher;
    private final PublicFiles publicFiles;
    private final boolean publicReads;
    private final Path work;
    private final Event<MediaChanged> changes;
    /** What the image engine can do, found out once at start-up (see {@link #checkEngine}). */
    private record Engine(boolean images, boolean avif) {
    }

    private final CompletableFuture<Engine> engine = new CompletableFuture<>();

    MediaService(MediaRepository repository, MediaStore store, MediaConfig config, Clock clock, Validator validator,
            MergePatcher patcher, io.vertx.core.Vertx vertx, PublicFiles publicFiles,
            io.micrometer.core.instrument.MeterRegistry registry, Event<MediaChanged> changes,
            io.headline.common.HeadlineConfig headline) {
        this.publicReads = headline.publicReads();
        this.publicFiles = publicFiles;
        this.changes = changes;
        this.repository = repository;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.validator = validator;
        this.patcher = patcher;
        this.work = Path.of(config.directory()).toAbsolutePath().resolve(".work");
        this.vips = new Vips(config.vipsPath(), config.transformTimeout());
        int transforms = config.transforms().orElse(Runtime.getRuntime().availableProcessors());
        this.renditions = new Renditions(store, vips, work, Math.max(1, transforms), config.transformWait().toMillis(),
                config.transformTimeout().toMillis(), config.maxRenditions(), registry);
        this.uploads = new UploadReader(work.resolve("uploads"), config.maxSize().asLongValue());
        this.fetcher = new MediaFetcher(vertx, config.fetchAllowPrivate(), config.fetchTimeout(),
                config.maxSize().asLongValue());
    }

    @jakarta.annotation.PreDestroy
    void close() {
        fetcher.close();
    }

    /** Whether images can be taken now: the engine is installed. */
    public boolean takesImages() {
        return engine().images();
    }

    /** Waits for the start-up check: two commands, each bounded by the engine's timeout. */
    private Engine engine() {
        return engine.join();
    }

    /** Sets the alt text of a media, as the system (the demo content). */
    @Transactional
    public void describe(UUID id, String alt) {
        repository.findByIdOptional(id).ifPresent(media -> {
            media.alt = alt;
            touch(media);
        });
    }

    /**
     * Asks the engine its version and whether it writes AVIF, off the start-up path: two short processes that took
     * 0.2-0.5 s of start to ready. Whatever needs the answer before it comes waits for it ({@link #engine}).
     */
    void checkEngine(@Observes @jakarta.annotation.Priority(1) StartupEvent start) {
        Thread probe = new Thread(() -> {
            try {
                engine.complete(probeEngine());
            } finally {
                engine.complete(new Engine(false, false)); // only if the probe failed: a future completes once
            }
        }, "media-engine-probe");
        probe.setDaemon(true);
        probe.start();
    }

    private Engine probeEngine() {
        Optional<String> version = vips.version();
        if (version.isEmpty()) {
            LOG.warn("Media: the image engine (libvips: the vips and vipsheader commands, Debian package "
                    + "libvips-tools) is not installed, so images are refused; PDFs are still taken. Install it and restart.");
            return new Engine(false, false);
        }
        boolean avif = vips.writes("avif");
        LOG.infof("Media: image engine %s%s", version.get(), avif ? ""
                : "; it cannot write AVIF (libheif without an AV1 encoder: install libheif-plugin-aomenc), so "
                + "format=auto picks WebP and format=avif is refused");
        return new Engine(true, avif);
    }

    /** The result of an upload: the media, and whether it is new or the same bytes were there already. */
    public record Uploaded(MediaView media, boolean created) {
    }

    public Uploaded uploadRaw(InputStream body, String contentType, String disposition, Caller caller) throws IOException {
        try (Upload upload = uploads.raw(body, contentType, disposition)) {
            return store(upload, caller);
        }
    }

    /** Imports a file from a URL (see {@link MediaFetcher}), with the texts and focal point of the input. */
    public Uploaded uploadFromUrl(MediaUrlInput input, Caller caller) throws IOException {
        if (input == null) {
            throw ProblemException.invalidField("url", "is required");
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        MediaFetcher.Fetched fetched = fetcher.fetch(input.url(), work.resolve("uploads"));
        try {
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            putIfSet(fields, "alt", input.alt());
            putIfSet(fields, "caption", input.caption());
            putIfSet(fields, "credit", input.credit());
            if (input.focalPoint() != null) {
                fields.put("focalPoint", input.focalPoint().x() + "," + input.focalPoint().y());
            }
            try (Upload upload = uploads.fetched(fetched.file(), fetched.name(), fields)) {
                return store(upload, caller);
            }
        } finally {
            Files.deleteIfExists(fetched.file());
        }
    }

    private static void putIfSet(java.util.Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    public Uploaded uploadForm(InputStream body, String contentType, Caller caller) throws IOException {
        try (Upload upload = uploads.multipart(body, contentType)) {
            return store(upload, caller);
        }
    }

    /**
     * Checks the upload and keeps it: bytes first (the store's put is atomic), then the row; if the row cannot be
     * written, the bytes go again. The same bytes uploaded twice are one media, answered as it is.
     */
    private Uploaded store(Upload upload, Caller caller) throws IOException {
        MediaInput input = formInput(upload);
        // Checked before the same bytes are looked for: a wrong declared type is a 415 whether or not they are known.
        MediaKind kind = MediaSniffer.detect(upload.file(), upload.declaredType(), upload.name());
        Optional<Media> existing = QuarkusTransaction.requiringNew().call(() -> repository.findBySha256(upload.sha256()));
        if (existing.isPresent()) {
            return new Uploaded(view(existing.get()), false);
        }
        Media media = new Media();
        media.sha256 = upload.sha256();
        media.contentType = kind.mimeType();
        media.originalName = upload.name();
        media.bytes = upload.bytes();
        if (kind.isImage()) {
            measure(media, upload.file(), kind);
        }
        apply(media, input);
        media.createdBy = caller.name();
        media.ownerId = caller.ownDraftsOnly() ? caller.authorId() : null;
        store.put(media.originalKey(), upload.file());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<Media> raced = repository.findBySha256(media.sha256);
                if (raced.isPresent()) {
                    return new Uploaded(view(raced.get()), false);
                }
                touch(media);
                repository.persistAndFlush(media);
                return new Uploaded(view(media), true);
            });
        } catch (RuntimeException e) {
            // Two uploads of the same bytes at once: the one that lost the unique key answers with the winner's media.
            Optional<Media> winner = QuarkusTransaction.requiringNew().call(() -> repository.findBySha256(media.sha256));
            if (winner.isPresent()) {
                return new Uploaded(view(winner.get()), false);
            }
            store.delete(media.originalKey());
            throw e;
        }
    }

    /** Size from the header before anything is decoded, then a tiny decode for the placeholder and colour. */
    private void measure(Media media, Path file, MediaKind kind) throws IOException {
        if (!engine().images()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "This server has no image engine (libvips), "
                    + "so it cannot take images now; it takes PDFs. Its operator can install libvips-tools.");
        }
        // Measuring runs the engine: it takes a turn among the transforms, so that a burst of uploads is bounded too.
        renditions.acquire();
        try {
            measureNow(media, file, kind);
        } finally {
            renditions.release();
        }
    }

    private void measureNow(Media media, Path file, MediaKind kind) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(work.resolve("tmp")), "measure-");
        try {
            Path named = dir.resolve("in." + kind.extension());
            Files.createSymbolicLink(named, file.toAbsolutePath());
            Vips.Header header = vips.header(named);
            long pixels = (long) header.width() * header.height();
            if (pixels > config.maxPixels()) {
                throw ProblemException.invalidField("file", "has " + header.width() + " × " + header.height() + " = "
                        + pixels + " pixels; at most " + config.maxPixels() + " are accepted");
            }
            media.width = header.shownWidth();
            media.height = header.shownHeight();
            Path tiny = dir.resolve("tiny.png");
            vips.thumbnail(named, tiny, 32, 32, "strip");
            BufferedImage image = ImageIO.read(tiny.toFile());
            Placeholder placeholder = Placeholder.of(image);
            media.placeholder = placeholder.blurHash();
            media.dominantColor = placeholder.dominantColor();
        } catch (Vips.Failure e) {
            throw ProblemException.invalidField("file", "could not be read as " + kind.mimeType() + ": " + e.getMessage());
        } finally {
            FileMediaStore.deleteTree(dir);
        }
    }

    private MediaInput formInput(Upload upload) {
        var fields = upload.fields();
        MediaInput.Focal focal = null;
        String point = fields.get("focalPoint");
        if (point != null) {
            String[] parts = point.split(",");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                focal = new MediaInput.Focal(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("focalPoint", "must be two numbers from 0 to 1, x,y (e.g. 0.5,0.3)");
            }
        }
        MediaInput input = new MediaInput(fields.get("alt"), fields.get("caption"), fields.get("credit"), focal);
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    public Optional<MediaView> find(UUID id) {
        return repository.findByIdOptional(id).map(this::view);
    }

    /**
     * The media of {@code ids} that exist, as other features show them, in one query (none for no ids): what an
     * article page's feature images and a body's media references are read with.
     */
    public Map<UUID, MediaImage> images(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // One parameter per id (see InList): Hibernate keeps no translation of a query that binds a list.
        InList in = InList.of("ids", Set.copyOf(ids));
        Map<String, Object> parameters = new HashMap<>();
        in.bind(parameters::put);
        Map<UUID, MediaImage> found = new HashMap<>();
        for (Media media : repository.list(in.in("id"), parameters)) {
            found.put(media.id, image(media));
        }
        return found;
    }

    /**
     * Records which media an article uses (its feature image and the media its body names), replacing what was
     * recorded: what makes a file public with the article, and keeps it from being deleted. In the caller's
     * transaction; the article must be persisted and the media must exist.
     */
    public void recordUse(UUID articleId, Set<UUID> mediaIds) {
        var em = repository.getEntityManager();
        List<UUID> recorded = em.createQuery("select u.mediaId from ArticleMedia u where u.articleId = :article",
                UUID.class).setParameter("article", articleId).getResultList();
        List<UUID> gone = recorded.stream().filter(id -> !mediaIds.contains(id)).toList();
        if (!gone.isEmpty()) {
            em.createQuery("delete from ArticleMedia u where u.articleId = :article and u.mediaId in :gone")
                    .setParameter("article", articleId).setParameter("gone", gone).executeUpdate();
        }
        for (UUID mediaId : mediaIds) {
            if (!recorded.contains(mediaId)) {
                ArticleMedia use = new ArticleMedia();
                use.articleId = articleId;
                use.mediaId = mediaId;
                em.persist(use);
            }
        }
    }

    /** The articles that use a media, by id. */
    public List<UUID> articlesUsing(UUID mediaId) {
        return repository.getEntityManager().createQuery(
                "select u.articleId from ArticleMedia u where u.mediaId = :media order by u.articleId", UUID.class)
                .setParameter("media", mediaId).getResultList();
    }

    private MediaImage image(Media media) {
        String srcset = srcset(media);
        String contentSrc = null;
        if (srcset != null) {
            contentSrc = config.widths().stream().filter(w -> w <= CONTENT_WIDTH && w <= media.width)
                    .max(Integer::compare).map(w -> url(media) + "?w=" + w + "&format=auto").orElse(url(media));
        }
        return new MediaImage(media.id, url(media), media.contentType, media.width, media.height, media.alt,
                media.caption, media.credit, media.placeholder, srcset, contentSrc);
    }

    public Slice<MediaView> list(MediaKind kind, String text, boolean oldestFirst, PageRequest page) {
        return repository.list(kind, text, oldestFirst, page).map(this::view);
    }

    @Transactional
    public Optional<MediaView> patch(UUID id, JsonNode patch, Caller caller) {
        return repository.findByIdOptional(id).map(media -> {
            checkMayChange(media, caller);
            MediaInput current = new MediaInput(media.alt, media.caption, media.credit,
                    new MediaInput.Focal(media.focalX, media.focalY));
            apply(media, patch(current, patch));
            publicFiles.forget(media.id);
            touch(media);
            changes.fire(new MediaChanged(media.id));
            return view(media);
        });
    }

    private MediaInput patch(MediaInput current, JsonNode patch) {
        try {
            return patcher.patch(current, patch);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalidField("$", "does not fit the media's fields: " + e.getOriginalMessage());
        }
    }

    /** Deletes the row, then its bytes and renditions; media an article uses is kept (409). */
    public boolean delete(UUID id, Caller caller) throws IOException {
        Optional<Media> deleted = QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(id).map(media -> {
            checkMayChange(media, caller);
            if (repository.usedByAnyArticle(media.id)) {
                throw ProblemException.conflict("An article uses this media; remove it from the article first.");
            }
            repository.delete(media);
            return media;
        }));
        if (deleted.isEmpty()) {
            return false;
        }
        publicFiles.forget(id);
        store.delete(deleted.get().originalKey());
        store.deleteAll(deleted.get().renditionPrefix());
        if (store.localFile(deleted.get().renditionPrefix()) == null) {
            deleteLocalCopies(deleted.get());
        }
        return true;
    }

    private void deleteLocalCopies(Media media) throws IOException {
        new FileMediaStore(work.resolve("cache")).deleteAll(media.renditionPrefix());
    }

    /** A file of a media: its version must be the current one (a replaced file's old URLs are gone). */
    public record FileRequest(UUID id, String version, String w, String h, String fit, String format, String q,
            String accept, String ifNoneMatch) {

        boolean matches(String etag) {
            return EntityTags.noneMatch(ifNoneMatch, etag);
        }
    }

    /** What to send for a file request: the local file, its type, and whether anyone may cache it. */
    public record ServedFile(Path file, String contentType, String etag, boolean isPublic, boolean variesByAccept,
            String downloadName) {
    }

    public Optional<ServedFile> file(FileRequest request, boolean seesUnpublished) throws IOException {
        long epoch = publicFiles.epoch();
        Optional<Media> found = QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(request.id()));
        if (found.isEmpty() || !found.get().fileVersion.equals(request.version())) {
            return Optional.empty();
        }
        Media media = found.get();
        // Published: a visible article uses it. Anyone who may read published content may have its files (with public
        // reads off, that takes a token); only then may a shared cache keep them, and the direct route send them.
        boolean published = config.publicAll()
                || QuarkusTransaction.requiringNew().call(() -> repository.usedByPublicArticle(media.id, clock.instant()));
        if (!published && !seesUnpublished) {
            return Optional.empty();
        }
        boolean isPublic = published && publicReads;
        if (isPublic) {
            publicFiles.remember(media, epoch);
        }
        MediaKind kind = media.kind();
        if (!kind.isImage()) {
            String given = request.w() != null ? "w" : request.h() != null ? "h" : request.fit() != null ? "fit"
                    : request.format() != null ? "format" : request.q() != null ? "q" : null;
            if (given != null) {
                throw ProblemException.invalidParameter(given, "applies to images; a " + kind.mimeType()
                        + " is served only as it is");
            }
            String etag = "\"" + media.fileVersion + "\"";
            if (request.matches(etag)) {
                return Optional.of(new ServedFile(null, kind.mimeType(), etag, isPublic, false, media.originalName));
            }
            Path local = renditions.local(media.originalKey());
            if (store.localFile(media.originalKey()) == null && !Files.isRegularFile(local)) {
                store.get(media.originalKey(), local);
            }
            return Optional.of(new ServedFile(local, kind.mimeType(), "\"" + media.fileVersion + "\"", isPublic, false,
                    media.originalName));
        }
        if (!engine().images()) {
            throw ProblemException.unavailable("This server has no image engine (libvips) to serve images with.", 60);
        }
        Rendition rendition = Rendition.parse(request.w(), request.h(), request.fit(), request.format(), request.q(),
                request.accept(), kind, config.widths(), config.heights(), engine().avif());
        String key = renditionKey(media.renditionPrefix(), media.fileVersion, rendition);
        String etag = etag(media.fileVersion, rendition);
        boolean variesByAccept = "auto".equals(request.format());
        if (request.matches(etag)) {
            return Optional.of(new ServedFile(null, rendition.format().mimeType, etag, isPublic, variesByAccept, null));
        }
        Path file = renditions.file(new Renditions.Source(media.originalKey(), media.renditionPrefix(), kind,
                media.width, media.height, media.focalX, media.focalY), key, rendition);
        return Optional.of(new ServedFile(file, rendition.format().mimeType, etag, isPublic, variesByAccept, null));
    }

    /** A stored rendition of a public image, ready to send without a query (see {@link MediaFileRoute}). */
    record Sendable(Path file, String contentType, String etag, boolean variesByAccept) {
    }

    /** Null for what the route leaves to the resource (a PDF, which goes out as a download). */
    Sendable sendable(PublicFiles.Entry entry, String w, String h, String fit, String format, String q, String accept) {
        // On the event loop, which must not wait: until the engine has answered, the resource serves it.
        Engine known = engine.getNow(null);
        if (!entry.kind().isImage() || known == null || !known.images()) {
            return null;
        }
        Rendition rendition = Rendition.parse(w, h, fit, format, q, accept, entry.kind(), config.widths(), config.heights(),
                known.avif());
        Path file = renditions.local(renditionKey(entry.renditionPrefix(), entry.fileVersion(), rendition));
        return new Sendable(file, rendition.format().mimeType, etag(entry.fileVersion(), rendition), "auto".equals(format));
    }

    private static String renditionKey(String prefix, String fileVersion, Rendition rendition) {
        return prefix + fileVersion + "/" + rendition.fileName();
    }

    private static String etag(String fileVersion, Rendition rendition) {
        return "\"" + fileVersion + "-" + rendition.fileName() + "\"";
    }

    /** The address of a media's file, and of its renditions with ?w= and the rest. */
    public String url(Media media) {
        return config.baseUrl().map(b -> b.replaceAll("/+$", "")).orElse("") + "/api/v1/media/" + media.id + "/"
                + media.fileVersion + "." + media.kind().extension();
    }

    String srcset(Media media) {
        if (!media.kind().isImage() || media.width == null) {
            return null;
        }
        StringJoiner set = new StringJoiner(", ");
        String url = url(media);
        for (int width : config.widths()) {
            if (width <= media.width) {
                set.add(url + "?w=" + width + "&format=auto " + width + "w");
            }
        }
        return set.length() == 0 ? url + " " + media.width + "w" : set.toString();
    }

    MediaView view(Media media) {
        return new MediaView(media.id, url(media), media.originalName, media.contentType, media.bytes, media.width,
                media.height, media.sha256, media.alt, media.caption, media.credit,
                new MediaView.FocalPoint(media.focalX, media.focalY), media.placeholder, media.dominantColor,
                srcset(media), media.createdAt, media.updatedAt);
    }

    private static void apply(Media media, MediaInput input) {
        media.alt = input.alt();
        media.caption = input.caption();
        media.credit = input.credit();
        if (input.focalPoint() != null) {
            media.focalX = input.focalPoint().x();
            media.focalY = input.focalPoint().y();
        } else {
            media.focalX = 0.5;
            media.focalY = 0.5;
        }
        media.renewFileVersion();
    }

    private void touch(Media media) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (media.createdAt == null) {
            media.createdAt = now;
        }
        media.updatedAt = now;
    }

    /** Authors change only what they uploaded; editors and admins change anything. */
    private static void checkMayChange(Media media, Caller caller) {
        if (caller.ownDraftsOnly() && (caller.authorId() == null || !caller.authorId().equals(media.ownerId))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author token may change only media its author uploaded.");
        }
    }
}

package io.headline.media;

import io.headline.common.error.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Makes renditions, each once: a rendition already stored is a file to serve; concurrent first requests for the same
 * one share one transform; and at most N transforms run at once (headline.media.transforms, the cores by default).
 * A request that finds them all busy waits briefly (headline.media.transform-wait) and is then answered 503 with
 * Retry-After, so a burst of first requests for large images queues nothing unbounded and exhausts no memory.
 */
final class Renditions {

    private static final Logger LOG = Logger.getLogger(Renditions.class);

    private final MediaStore store;
    private final Vips vips;
    private final Path work;
    private final Semaphore transforms;
    private final long waitMillis;
    private final long timeoutMillis;
    private final ConcurrentHashMap<String, CompletableFuture<Path>> inFlight = new ConcurrentHashMap<>();

    private final io.micrometer.core.instrument.Counter made;
    private final io.micrometer.core.instrument.Counter refused;

    private final int maxRenditions;

    Renditions(MediaStore store, Vips vips, Path work, int transforms, long waitMillis, long timeoutMillis,
            int maxRenditions, io.micrometer.core.instrument.MeterRegistry registry) {
        this.maxRenditions = maxRenditions;
        this.made = io.micrometer.core.instrument.Counter.builder("headline.media.renditions.made")
                .description("Renditions made by the image engine (each is made once, then served as a file)")
                .register(registry);
        this.refused = io.micrometer.core.instrument.Counter.builder("headline.media.renditions.refused")
                .description("First requests answered 503: every transform stayed busy past the wait")
                .register(registry);
        this.store = store;
        this.vips = vips;
        this.work = work;
        this.transforms = new Semaphore(transforms);
        this.waitMillis = waitMillis;
        this.timeoutMillis = timeoutMillis;
    }

    /** What a rendition is made from: the stored original and what the database knows of it. */
    record Source(String originalKey, String prefix, MediaKind kind, int width, int height, double focalX, double focalY) {
    }

    /** The rendition as a local file to send, made now if it was not made before. */
    Path file(Source source, String key, Rendition rendition) throws IOException {
        Path local = local(key);
        if (Files.isRegularFile(local)) {
            return local;
        }
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            mine.complete(make(source, key, rendition, local));
        } catch (RuntimeException | IOException e) {
            mine.completeExceptionally(e);
        } finally {
            inFlight.remove(key, mine);
        }
        return await(mine);
    }

    /** Where a rendition is kept on this machine: in the filesystem store itself, or in a local cache of an S3 store. */
    Path local(String key) {
        Path inStore = store.localFile(key);
        return inStore != null ? inStore : work.resolve("cache").resolve(key);
    }

    private Path make(Source source, String key, Rendition rendition, Path local) throws IOException {
        // The leader before this one may have finished between the caller's look and this one.
        if (Files.isRegularFile(local) || store.localFile(key) == null && store.get(key, local)) {
            return local;
        }
        checkRoomFor(local);
        acquire();
        Path dir = null;
        try {
            dir = Files.createTempDirectory(Files.createDirectories(work.resolve("tmp")), "rendition-");
            Path original = original(source, dir);
            Path out = dir.resolve("out." + rendition.format().extension);
            transform(source, original, out, rendition, dir);
            made.increment();
            if (rendition.format() == Rendition.Format.WEBP) {
                WebpMetadata.strip(out);
            }
            store.put(key, out);
            if (store.localFile(key) == null) {
                Files.createDirectories(local.getParent());
                Files.move(out, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return local;
        } catch (Vips.Failure e) {
            // The original was checked when it was uploaded: a failure now is the server's (a timeout, a full disk).
            LOG.warnf("Rendition %s failed: %s", key, e.getMessage());
            throw ProblemException.unavailable("The image could not be made now; try again shortly.", 5);
        } finally {
            transforms.release();
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /**
     * The allow-lists bound the renditions of one image, but not tightly (thousands of combinations): past
     * headline.media.max-renditions kept for one file version, a new one is refused, so that no caller can fill the
     * disk by walking the combinations.
     */
    private void checkRoomFor(Path local) throws IOException {
        Path dir = local.getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        long kept;
        try (Stream<Path> files = Files.list(dir)) {
            kept = files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
        if (kept >= maxRenditions) {
            throw ProblemException.conflict("This image already has the " + maxRenditions + " renditions kept for "
                    + "it (headline.media.max-renditions); ask for one of those its srcset names.");
        }
    }

    /** A turn among the transforms; uploads take one too while they are measured. Give it back with {@link #release}. */
    void acquire() {
        try {
            if (!transforms.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                refused.increment();
                throw ProblemException.unavailable("Every image transform is busy; try again shortly.", 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while waiting for an image transform.", 2);
        }
    }

    void release() {
        transforms.release();
    }

    private Path original(Source source, Path dir) throws IOException {
        Path local = store.localFile(source.originalKey());
        if (local != null) {
            return local;
        }
        Path copy = dir.resolve("original." + source.kind().extension());
        if (!store.get(source.originalKey(), copy)) {
            throw new IOException("the original " + source.originalKey() + " is missing from the store");
        }
        return copy;
    }

    /** The engine needs to know a file's format from its name, and stored originals have none. */
    private static Path named(Path original, MediaKind kind, Path dir) throws IOException {
        if (original.getFileName().toString().endsWith("." + kind.extension())) {
            return original;
        }
        Path link = dir.resolve("source." + kind.extension());
        Files.createSymbolicLink(link, original.toAbsolutePath());
        return link;
    }

    private void transform(Source source, Path original, Path out, Rendition r, Path dir)
            throws IOException, Vips.Failure {
        Path in = named(original, source.kind(), dir);
        String save = saveOptions(r);
        int boxWidth = r.width() == 0 ? source.width() : r.width();
        int boxHeight = r.height() == 0 ? Math.max(source.height(), 1) * 4 : r.height();
        if (r.height() == 0 && r.width() == 0) {
            boxHeight = source.height();
        }
        switch (r.fit()) {
            case INSIDE -> vips.thumbnail(in, out, boxWidth, boxHeight, save);
            case CONTAIN -> {
                Path fitted = dir.resolve("fitted.tif");
                vips.thumbnail(in, fitted, boxWidth, boxHeight, "strip");
                vips.pad(fitted, out, boxWidth, boxHeight, save);
            }
            case COVER -> {
                double scale = Math.min(1, Math.max((double) boxWidth / source.width(), (double) boxHeight / source.height()));
                int scaledWidth = Math.max(1, (int) Math.ceil(source.width() * scale));
                int scaledHeight = Math.max(1, (int) Math.ceil(source.height() * scale));
                int cropWidth = Math.min(boxWidth, scaledWidth);
                int cropHeight = Math.min(boxHeight, scaledHeight);
                Path scaled = dir.resolve("scaled.tif");
                vips.scale(in, scaled, scaledWidth, scaledHeight);
                int left = clamp((int) Math.round(source.focalX() * scaledWidth - cropWidth / 2.0), scaledWidth - cropWidth);
                int top = clamp((int) Math.round(source.focalY() * scaledHeight - cropHeight / 2.0), scaledHeight - cropHeight);
                vips.crop(scaled, out, left, top, cropWidth, cropHeight, save);
            }
        }
    }

    /** Every output is saved without metadata; the encoders' settings favour speed at a given quality. */
    private static String saveOptions(Rendition r) {
        return switch (r.format()) {
            case JPEG -> "Q=" + r.quality() + ",strip,optimize_coding,interlace";
            case PNG -> "strip,compression=6";
            case WEBP -> "Q=" + r.quality() + ",strip,effort=2";
            case AVIF -> "Q=" + r.quality() + ",strip,compression=av1,effort=2";
            case GIF -> "strip";
        };
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    private Path await(CompletableFuture<Path> future) throws IOException {
        try {
            // Waiting for the leader: its turn, then up to two engine processes (cover and contain run two).
            return future.get(2 * timeoutMillis + waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while the image was made.", 2);
        } catch (TimeoutException e) {
            throw ProblemException.unavailable("The image is still being made; try again shortly.", 2);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException p) {
                throw p;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void deleteTree(Path dir) {
        try {
            FileMediaStore.deleteTree(dir);
        } catch (IOException e) {
            LOG.debugf("Could not remove %s: %s", dir, e.getMessage());
        }
    }
}

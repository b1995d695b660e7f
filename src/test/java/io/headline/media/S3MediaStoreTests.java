package io.headline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 store against a real S3 server: s3proxy, in this JVM, over jclouds' in-memory blob store, reached through
 * the same client configuration a deployment uses (endpoint, path style, static credentials, signature V4).
 */
class S3MediaStoreTests {

    private static final String ACCESS_KEY = "headline-access";
    private static final String SECRET_KEY = "headline-secret";

    private static BlobStoreContext blobs;
    private static S3Proxy proxy;
    private static MediaConfig.S3 config;

    @TempDir
    Path dir;

    private S3MediaStore store;

    @BeforeAll
    static void startServer() throws Exception {
        // From the API's metadata, not its name: a lookup by name loads every provider s3proxy declares, and those
        // left out of the test classpath (Azure, the other clouds) fail to load.
        blobs = ContextBuilder.newBuilder(new TransientApiMetadata()).build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // The SDK sends DeleteObjects a CRC32 checksum header that s3proxy refuses as unknown (gaul/s3proxy
                // #962); ignoring it, s3proxy acts as the servers the store's Content-MD5 is for.
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        assertThat(proxy.getState()).isEqualTo("STARTED");
        String bucket = "headline-media-" + UUID.randomUUID().toString().substring(0, 8);
        blobs.getBlobStore().createContainerInLocation(null, bucket);
        config = new S3Config(Optional.of(bucket), Optional.of("http://127.0.0.1:" + proxy.getPort()), "us-east-1",
                true, Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    @BeforeEach
    void openStore() {
        store = new S3MediaStore(config);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void shouldGetBackTheBytesThatWerePut() throws IOException {
        byte[] bytes = randomBytes(70_000);
        String key = key("originals/");

        store.put(key, file("in.bin", bytes));
        Path target = dir.resolve("out/copy.bin");

        assertThat(store.get(key, target)).isTrue();
        assertThat(target).hasBinaryContent(bytes);
        assertThat(leftovers(target.getParent())).containsExactly(target);
    }

    @Test
    void shouldReplaceAnObjectAndATargetFile() throws IOException {
        String key = key("originals/");
        Path target = file("target.txt", "stale".getBytes(StandardCharsets.UTF_8));
        store.put(key, file("first.txt", "first".getBytes(StandardCharsets.UTF_8)));
        store.put(key, file("second.txt", "second".getBytes(StandardCharsets.UTF_8)));

        assertThat(store.get(key, target)).isTrue();
        assertThat(target).hasContent("second");
    }

    @Test
    void shouldAnswerFalseAndWriteNothingWhenGettingAMissingKey() throws IOException {
        Path target = dir.resolve("missing/copy.bin");

        assertThat(store.get(key("originals/"), target)).isFalse();
        assertThat(target).doesNotExist();
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void shouldTellWhetherAKeyExists() throws IOException {
        String key = key("originals/");
        assertThat(store.exists(key)).isFalse();

        store.put(key, file("in.txt", "x".getBytes(StandardCharsets.UTF_8)));

        assertThat(store.exists(key)).isTrue();
        assertThat(store.exists(key + "-other")).isFalse();
    }

    @Test
    void deleteIsIdempotent() throws IOException {
        String key = key("originals/");
        store.put(key, file("in.txt", "x".getBytes(StandardCharsets.UTF_8)));

        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        store.delete(key);
        store.delete(key("never-there/"));
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void deleteAllRemovesEveryKeyUnderThePrefixAcrossBatchesAndPagesAndLeavesOtherPrefixes() throws IOException {
        String media = key("renditions/");
        List<String> doomed = Stream.of("a", "b", "c", "d", "e", "sub/f", "sub/g").map(k -> media + "/" + k)
                .toList();
        String sibling = media + "-sibling/kept";
        String other = key("originals/");
        Path source = file("in.txt", "x".getBytes(StandardCharsets.UTF_8));
        for (String key : doomed) {
            store.put(key, source);
        }
        store.put(sibling, source);
        store.put(other, source);

        try (S3MediaStore smallBatches = new S3MediaStore(S3MediaStore.client(config), config.bucket().get(), 2)) {
            smallBatches.deleteAll(media + "/");
        }

        for (String key : doomed) {
            assertThat(store.exists(key)).as(key).isFalse();
        }
        assertThat(store.exists(sibling)).isTrue();
        assertThat(store.exists(other)).isTrue();
        store.deleteAll(media + "/");
    }

    @Test
    void aPutFromAMissingFileThrowsAndStoresNothing() throws IOException {
        String key = key("originals/");

        assertThatThrownBy(() -> store.put(key, dir.resolve("absent.bin"))).isInstanceOf(NoSuchFileException.class);
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void shouldRefuseAnEmptyPrefixRatherThanEmptyTheBucket() {
        assertThatThrownBy(() -> store.deleteAll("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldServeNoLocalFile() {
        assertThat(store.localFile(key("originals/"))).isNull();
    }

    @Test
    void shouldNameTheMissingBucketSetting() {
        MediaConfig.S3 noBucket = new S3Config(Optional.empty(), config.endpoint(), "us-east-1", true,
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> new S3MediaStore(noBucket)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("headline.media.s3.bucket");
    }

    @Test
    void shouldReportRefusedCredentialsAsAnIOException() {
        MediaConfig.S3 wrong = new S3Config(config.bucket(), config.endpoint(), "us-east-1", true,
                Optional.of(ACCESS_KEY), Optional.of("not-the-secret"));
        try (S3MediaStore refused = new S3MediaStore(wrong)) {
            assertThatThrownBy(() -> refused.exists(key("originals/"))).isInstanceOf(IOException.class);
        }
    }

    private static String key(String prefix) {
        return prefix + UUID.randomUUID();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(18).nextBytes(bytes);
        return bytes;
    }

    private static List<Path> leftovers(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private record S3Config(Optional<String> bucket, Optional<String> endpoint, String region, boolean pathStyle,
            Optional<String> accessKeyId, Optional<String> secretAccessKey) implements MediaConfig.S3 {
    }
}

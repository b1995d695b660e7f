package io.headline.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media in one bucket of S3-compatible object storage (AWS S3, MinIO, Ceph, R2...), through the AWS SDK v2 with the
 * JDK's HTTP client, so the store adds no Netty or Apache client to the application.
 *
 * <p>Atomicity comes from S3 itself: a PutObject makes the whole object visible at once or not at all, so a put is one
 * PutObject straight from the file, with no temporary object. A get downloads into a temporary file beside the target
 * and renames it into place, as {@link FileMediaStore} does, so a failed download never leaves a partial target.
 *
 * <p>Failures of the storage (refused credentials, an unreachable endpoint, a missing bucket) surface as
 * {@link IOException}, as they would from the filesystem store.
 */
public final class S3MediaStore implements MediaStore, AutoCloseable {

    /** The most keys one DeleteObjects request may name (the S3 limit). */
    static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final int deleteBatch;

    /** A store over the configured bucket; the store owns its client, which {@link #close()} releases. */
    public S3MediaStore(MediaConfig.S3 config) {
        this.bucket = bucket(config);
        this.s3 = client(config);
        this.deleteBatch = DELETE_BATCH;
    }

    /** A store over a client made elsewhere (tests); the store still closes it. */
    S3MediaStore(S3Client s3, String bucket) {
        this(s3, bucket, DELETE_BATCH);
    }

    /** As above, with a smaller DeleteObjects batch, so a test can cross batches with a few keys. */
    S3MediaStore(S3Client s3, String bucket, int deleteBatch) {
        if (deleteBatch < 1 || deleteBatch > DELETE_BATCH) {
            throw new IllegalArgumentException("delete batch must be 1.." + DELETE_BATCH + ": " + deleteBatch);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.deleteBatch = deleteBatch;
    }

    private static String bucket(MediaConfig.S3 config) {
        return config.bucket().map(String::strip).filter(b -> !b.isEmpty())
                .orElseThrow(() -> new IllegalStateException("headline.media.store is s3 but "
                        + "headline.media.s3.bucket (HEADLINE_MEDIA_S3_BUCKET) is not set"));
    }

    /**
     * The client the configuration describes. With an endpoint (storage other than AWS), checksums are sent and
     * checked only where S3 requires them, and DeleteObjects carries Content-MD5 as before SDK 2.30: many
     * S3-compatible servers reject the newer checksum headers or insist on the MD5.
     */
    static S3Client client(MediaConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyle());
        Optional<String> endpoint = config.endpoint().map(String::strip).filter(e -> !e.isEmpty());
        if (endpoint.isPresent()) {
            builder.endpointOverride(URI.create(endpoint.get()))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .addPlugin(LegacyMd5Plugin.create());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(MediaConfig.S3 config) {
        Optional<String> id = config.accessKeyId().filter(s -> !s.isBlank());
        Optional<String> secret = config.secretAccessKey().filter(s -> !s.isBlank());
        if (id.isPresent() != secret.isPresent()) {
            throw new IllegalStateException("headline.media.s3.access-key-id and headline.media.s3.secret-access-key "
                    + "must be set together (or neither, for the AWS default credentials chain)");
        }
        if (id.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(id.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void put(String key, Path file) throws IOException {
        requireKey(key);
        // Checked first: the SDK would report a missing file as an unchecked exception, after opening a request.
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("put", key, e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean get(String key, Path target) throws IOException {
        requireKey(key);
        // The object is opened before anything is written: a missing key leaves no file at all.
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (isMissingKey(e)) {
                return false;
            }
            throw failure("get", key, e);
        } catch (SdkException e) {
            throw failure("get", key, e);
        }
        try (InputStream in = body) {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".get-", ".tmp");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                move(temp, target);
                return true;
            } catch (SdkException e) {
                throw failure("get", key, e);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        requireKey(key);
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (isMissingKey(e)) {
                return false;
            }
            throw failure("head", key, e);
        } catch (SdkException e) {
            throw failure("head", key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        requireKey(key);
        try {
            // S3 answers 204 whether or not the key was there.
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    /**
     * Lists the keys a page (of one batch) at a time and deletes each full batch as it fills: deleting keys already
     * listed does not disturb the listing, which continues after the last key it returned.
     */
    @Override
    public void deleteAll(String prefix) throws IOException {
        // An empty prefix would empty the bucket; the filesystem store refuses it too.
        requireKey(prefix);
        try {
            List<ObjectIdentifier> batch = new ArrayList<>(deleteBatch);
            for (S3Object object : s3.listObjectsV2Paginator(
                    r -> r.bucket(bucket).prefix(prefix).maxKeys(deleteBatch)).contents()) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                if (batch.size() == deleteBatch) {
                    deleteBatch(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                deleteBatch(batch);
            }
        } catch (SdkException e) {
            throw failure("delete all under", prefix, e);
        }
    }

    private void deleteBatch(List<ObjectIdentifier> keys) throws IOException {
        DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket(bucket)
                .delete(d -> d.objects(List.copyOf(keys)).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            var first = response.errors().get(0);
            throw new IOException("S3 refused to delete " + response.errors().size() + " of " + keys.size()
                    + " objects in bucket " + bucket + ", first " + first.key() + ": " + first.code() + " "
                    + first.message());
        }
    }

    /** Objects are not local files: they are fetched with {@link #get} (and renditions cached) before serving. */
    @Override
    public Path localFile(String key) {
        return null;
    }

    @Override
    public void close() {
        s3.close();
    }

    /** Keys are made by Headline, never by a client; a blank one is a programming error. */
    private static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("blank media key");
        }
    }

    /** No such key; a missing bucket is a misconfiguration, not a missing object. */
    private static boolean isMissingKey(S3Exception e) {
        if (e instanceof NoSuchKeyException) {
            return true;
        }
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 404 && !(e instanceof NoSuchBucketException) && !"NoSuchBucket".equals(code);
    }

    private IOException failure(String operation, String key, SdkException e) {
        return new IOException("S3 " + operation + " " + key + " in bucket " + bucket + " failed: " + e.getMessage(),
                e);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

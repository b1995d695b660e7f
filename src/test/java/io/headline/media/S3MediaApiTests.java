package io.headline.media;

import static io.headline.media.MediaTesting.admin;
import static io.headline.media.MediaTesting.fetch;
import static io.headline.media.MediaTesting.uploaded;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.Test;

/** The whole media API on an S3 store: s3proxy, started for this profile, holds the originals and the renditions. */
@QuarkusTest
@TestProfile(S3MediaApiTests.OnS3.class)
class S3MediaApiTests {

    public static class OnS3 implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3Server.class));
        }
    }

    /** Starts s3proxy over an in-memory blob store and points the media library at a bucket of it. */
    public static class S3Server implements QuarkusTestResourceLifecycleManager {

        static BlobStoreContext blobs;
        static String bucket;
        private S3Proxy proxy;

        @Override
        public Map<String, String> start() {
            blobs = ContextBuilder.newBuilder(new TransientApiMetadata()).build(BlobStoreContext.class);
            proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "api-access", "api-secret")
                    .ignoreUnknownHeaders(true).build();
            try {
                proxy.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            bucket = "headline-api-" + UUID.randomUUID().toString().substring(0, 8);
            blobs.getBlobStore().createContainerInLocation(null, bucket);
            return Map.of("headline.media.store", "s3",
                    "headline.media.s3.bucket", bucket,
                    "headline.media.s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                    "headline.media.s3.path-style", "true",
                    "headline.media.s3.access-key-id", "api-access",
                    "headline.media.s3.secret-access-key", "api-secret");
        }

        @Override
        public void stop() {
            try {
                if (proxy != null) {
                    proxy.stop();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                if (blobs != null) {
                    blobs.close();
                }
            }
        }

        static List<String> keys(String prefix) {
            return blobs.getBlobStore().list(bucket, ListContainerOptions.Builder.prefix(prefix).recursive()).stream()
                    .map(StorageMetadata::getName).toList();
        }
    }

    @Test
    void shouldKeepOriginalsAndRenditionsInTheBucketAndRemoveThemWithTheMedia() {
        var media = uploaded(Images.jpeg(900, 600), "image/jpeg", "bucket.jpg");
        String id = media.getString("id");
        assertThat(S3Server.keys("originals/")).contains("originals/" + media.getString("sha256"));

        byte[] rendition = fetch(admin(), media.getString("url") + "?w=320&format=webp", 200);
        assertThat(MediaTesting.header(rendition, "webp").width()).isEqualTo(320);
        assertThat(S3Server.keys("renditions/" + id + "/")).hasSize(1);
        // Made once: the second answer is the stored one.
        assertThat(fetch(admin(), media.getString("url") + "?w=320&format=webp", 200)).isEqualTo(rendition);
        assertThat(Images.read(fetch(admin(), media.getString("url"), 200)).getWidth()).isEqualTo(900);

        admin().when().delete("/api/v1/media/{id}", id).then().statusCode(204);

        assertThat(S3Server.keys("originals/" + media.getString("sha256"))).isEmpty();
        assertThat(S3Server.keys("renditions/" + id + "/")).isEmpty();
    }
}

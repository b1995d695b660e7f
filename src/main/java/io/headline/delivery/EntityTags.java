package io.headline.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/**
 * The strong ETag of a response entity, computed as {@link HttpCachingFilter} does for a GET: the hash of the
 * bytes the application's ObjectMapper writes. Writes use it to check If-Match and to tag what they return.
 */
@ApplicationScoped
public class EntityTags {

    private final ObjectMapper mapper;

    public EntityTags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String of(Object entity) {
        try {
            return Validators.strongTag(mapper.writeValueAsBytes(entity));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a conditional GET's If-None-Match names {@code etag} (weak comparison), for an answer that carries its
     * own ETag (a media file) rather than one this package derives from the body.
     */
    public static boolean noneMatch(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Validators.noneMatchHits(ifNoneMatch, etag);
    }
}

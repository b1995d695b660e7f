package io.headline.common.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** What every piece of content has: an opaque id, a unique slug, timestamps and a version for optimistic locking. */
@MappedSuperclass
public abstract class ContentEntity extends PanacheEntityBase {

    /** Time-ordered (v7) UUIDs keep inserts local in the primary-key index. */
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false, unique = true, length = Slugs.MAX_LENGTH)
    public String slug;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Stamps a write; both databases keep microseconds, so the API never shows more than it stores. */
    public void touch(Instant now) {
        Instant stamp = now.truncatedTo(ChronoUnit.MICROS);
        if (createdAt == null) {
            createdAt = stamp;
        }
        updatedAt = stamp;
    }
}

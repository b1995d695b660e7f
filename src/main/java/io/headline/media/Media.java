package io.headline.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** One file of the media library: its bytes are kept in the {@link MediaStore} under originals/&lt;sha256&gt;. */
@Entity
@Table(name = "media")
public class Media extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(nullable = false, length = 16)
    public String fileVersion;

    @Column(nullable = false, length = 64)
    public String contentType;

    @Column(nullable = false)
    public String originalName;

    @Column(nullable = false)
    public long bytes;

    public Integer width;
    public Integer height;
    public String alt;
    public String caption;
    public String credit;

    @Column(name = "focal_x", nullable = false)
    public double focalX = 0.5;

    @Column(name = "focal_y", nullable = false)
    public double focalY = 0.5;

    public String placeholder;
    public String dominantColor;
    public UUID ownerId;

    @Column(nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public MediaKind kind() {
        return MediaKind.ofMimeType(contentType).orElseThrow();
    }

    String originalKey() {
        return "originals/" + sha256;
    }

    /** Where this media's renditions are kept; all of them go when it is deleted. */
    String renditionPrefix() {
        return "renditions/" + id + "/";
    }

    /** A new file version whenever the bytes or the focal point change: the URLs of all its files change with it. */
    void renewFileVersion() {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update((sha256 + "|" + focalX + "|" + focalY).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            fileVersion = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

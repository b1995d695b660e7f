package io.headline.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String url;

    /** Comma-separated event names. */
    public String events;

    public String secret;
    public boolean active;
    /** The change log's last number at registration: the hook gets the events after it. */
    public long afterSeq;
    public String disabledReason;
    public Instant createdAt;
    public Instant updatedAt;

    public List<String> eventList() {
        return Arrays.asList(events.split(","));
    }
}

package io.headline.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    public List<Webhook> newestFirst() {
        return find("order by createdAt desc, id desc").list();
    }

    public List<Webhook> active() {
        return find("active = true").list();
    }
}

package io.headline.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headline.change.ChangeLog;
import io.headline.common.error.Problem;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.common.json.MergePatcher;
import io.headline.common.paging.PageRequest;
import io.headline.common.query.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookService {

    private final WebhookRepository hooks;
    private final WebhookOutbox outbox;
    private final AddressGuard guard;
    private final MergePatcher patcher;
    private final ChangeLog changeLog;
    private final Clock clock;

    WebhookService(WebhookRepository hooks, WebhookOutbox outbox, AddressGuard guard, MergePatcher patcher,
            ChangeLog changeLog, Clock clock) {
        this.changeLog = changeLog;
        this.hooks = hooks;
        this.outbox = outbox;
        this.guard = guard;
        this.patcher = patcher;
        this.clock = clock;
    }

    /** The response carries the secret, generated when the input has none: the only time it is shown. */
    @Transactional
    public WebhookView create(WebhookInput input) {
        Webhook hook = new Webhook();
        hook.createdAt = now();
        hook.afterSeq = changeLog.lastSeq();
        String secret = input.secret() != null ? input.secret() : WebhookSigner.newSecret();
        write(hook, input, secret);
        hooks.persist(hook);
        hooks.flush();
        return view(hook, secret);
    }

    public List<WebhookView> list() {
        return hooks.newestFirst().stream().map(h -> view(h, null)).toList();
    }

    public Optional<WebhookView> find(UUID id) {
        return hooks.findByIdOptional(id).map(h -> view(h, null));
    }

    /** Full replace; an omitted secret keeps the current one. */
    @Transactional
    public Optional<WebhookView> replace(UUID id, WebhookInput input) {
        return hooks.findByIdOptional(id).map(hook -> {
            write(hook, input, input.secret() != null ? input.secret() : hook.secret);
            return view(hook, null);
        });
    }

    @Transactional
    public Optional<WebhookView> patch(UUID id, JsonNode patch) throws JsonProcessingException {
        Optional<Webhook> found = hooks.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Webhook hook = found.get();
        WebhookInput merged = patcher.patch(new WebhookInput(hook.url, hook.eventList(), null, hook.active), patch);
        write(hook, merged, merged.secret() != null ? merged.secret() : hook.secret);
        return Optional.of(view(hook, null));
    }

    /** Its deliveries and their attempts go with it. */
    @Transactional
    public boolean delete(UUID id) {
        return hooks.deleteById(id);
    }

    /** A hook's deliveries, newest first; only those in {@code state} unless it is null. */
    public Optional<Slice<DeliveryView>> deliveries(UUID id, String state, PageRequest page) {
        if (hooks.findByIdOptional(id).isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<List<DeliveryView>, Long> found = outbox.deliveries(id, state, page.offset(), page.size(),
                page.count());
        return Optional.of(new Slice<>(found.getKey(), null, found.getValue()));
    }

    public Optional<DeliveryView> delivery(UUID id, UUID deliveryId) {
        return outbox.delivery(id, deliveryId);
    }

    public Optional<DeliveryView> replay(UUID id, UUID deliveryId) {
        return outbox.replay(id, deliveryId);
    }

    private void write(Webhook hook, WebhookInput input, String secret) {
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            guard.resolve(URI.create(input.url()));
        } catch (AddressGuard.Refused e) {
            errors.add(new Problem.FieldError("url", e.getMessage()));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("url", "is not a valid URL"));
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String event : input.events()) {
            if (!WebhookEvents.ALL.contains(event.strip())) {
                errors.add(new Problem.FieldError("events", "'" + event + "' is not an event; known events: "
                        + String.join(", ", WebhookEvents.ALL)));
            }
            events.add(event.strip());
        }
        if (!decodes(secret)) {
            errors.add(new Problem.FieldError("secret", "must be whsec_ followed by base64 of 24 to 64 bytes"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The request has invalid fields.", errors);
        }
        hook.url = input.url();
        hook.events = String.join(",", events);
        hook.secret = secret;
        boolean active = input.active() == null || input.active();
        if (active) {
            hook.disabledReason = null;
        }
        hook.active = active;
        hook.updatedAt = now();
    }

    private static boolean decodes(String secret) {
        try {
            int length = Base64.getDecoder().decode(secret.substring(WebhookSigner.PREFIX.length())).length;
            return secret.startsWith(WebhookSigner.PREFIX) && length >= 24 && length <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static WebhookView view(Webhook h, String secret) {
        return new WebhookView(h.id, h.url, h.eventList(), h.active, h.disabledReason, h.createdAt, h.updatedAt, secret);
    }
}

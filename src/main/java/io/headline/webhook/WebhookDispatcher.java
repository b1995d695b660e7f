package io.headline.webhook;

import io.headline.change.ChangeLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks from a thread of its own, every headline.webhooks.poll-interval: appends due scheduled
 * appearances to the change log, fans new changes out to deliveries, then sends what is due. No content write waits
 * for any of it. Tests turn the timer off and call {@link #runOnce()}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Deliveries taken per round; they are sent one after another, each bounded by the timeout. */
    static final int TAKE = 10;
    /** Rounds per run, so one run ends even while changes keep coming. */
    static final int MAX_ROUNDS = 50;

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final ChangeLog changeLog;
    private final WebhookConfig config;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private volatile boolean stopping;

    WebhookDispatcher(WebhookOutbox outbox, WebhookSender sender, ChangeLog changeLog, WebhookConfig config,
            Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.changeLog = changeLog;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Refuses to start with a lease that could not cover an attempt with room to spare: a delivery whose remaining
     * lease cannot cover one is given back untried (see {@link #runOnce}), so with a lease of one timeout or less
     * nothing would ever be sent (see {@link WebhookConfig#lease()}).
     */
    void start(@Observes StartupEvent event) {
        Duration shortest = config.timeout().multipliedBy(2);
        if (config.lease().compareTo(shortest) <= 0) {
            throw new IllegalStateException("headline.webhooks.lease (" + config.lease() + ") must be longer than "
                    + "twice headline.webhooks.timeout (" + config.timeout() + "), " + shortest + ": a delivery is "
                    + "sent only while its lease can still cover an attempt");
        }
        long interval = config.pollInterval().toMillis();
        if (interval <= 0) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (Throwable e) { // anything escaping would cancel the timer for good
                LOG.warn("Webhook delivery failed; trying again at the next interval", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets an attempt under way finish and be recorded (an interrupted one would have been sent, yet logged as failed),
     * and gives back what was taken and not tried yet.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (timer != null) {
            timer.shutdown();
            if (!timer.awaitTermination(config.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS)) {
                timer.shutdownNow();
            }
        }
    }

    /**
     * One pass: fans out every new change, prunes old deliveries, then sends every due delivery. A hook whose receiver
     * fails once is passed over for the rest of the pass (what was taken for it goes back, untried), so that a receiver
     * that times out costs the others one timeout a pass, not one per queued event. Returns how many attempts it made.
     */
    public int runOnce() {
        if (changeLog.anyDue(clock.instant())) {
            QuarkusTransaction.requiringNew().run(() -> changeLog.appendDue(clock.instant()));
        }
        for (int round = 0; round < MAX_ROUNDS && outbox.fanOut() > 0; round++) {
            // until the cursor has caught up
        }
        outbox.prune();
        int attempts = 0;
        Set<UUID> failing = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<WebhookOutbox.Taken> taken = outbox.take(TAKE, failing);
            for (WebhookOutbox.Taken delivery : taken) {
                // Given back untried: when stopping, when its hook failed in this pass, and when what is left of its
                // lease could not cover an attempt (a long round, slow lookups), since another worker may take it then.
                if (stopping || failing.contains(delivery.webhookId())
                        || clock.instant().plus(config.timeout()).isAfter(delivery.leasedUntil())) {
                    outbox.release(delivery);
                    continue;
                }
                Instant at = clock.instant();
                // The signed timestamp is the real time, whatever the application clock says: receivers refuse one
                // far from their own clock (replay protection).
                long timestamp = Instant.now().getEpochSecond();
                try {
                    WebhookSender.Outcome outcome = sender.send(delivery.url(), delivery.secret(),
                            delivery.id().toString(), timestamp, delivery.payload());
                    outbox.record(delivery, outcome, at);
                    attempts++;
                    if (!outcome.succeeded()) {
                        failing.add(delivery.webhookId());
                    }
                } catch (RuntimeException e) {
                    // One delivery's failure does not hold up the others taken with it; its lease brings it back.
                    LOG.warnf(e, "Webhook delivery %s could not be attempted; it is taken again after its lease",
                            delivery.id());
                }
            }
            // Not 'fewer than TAKE': a resource's next event becomes due only once its earlier one has succeeded
            if (taken.isEmpty() || stopping) {
                break;
            }
        }
        return attempts;
    }
}

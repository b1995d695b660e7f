-- The state each change left (io.headline.change.Change#state): the resource as an admin reads it right after the
-- change, taken in the change's own transaction. Webhooks send it, so an event carries the state its own change left
-- and the next update's 'previous' is exact. It is cleared once the change has been fanned out to deliveries
-- (io.headline.webhook.WebhookOutbox), so the log keeps it only for the moment between a commit and its fan-out.
alter table change_log add column state text;

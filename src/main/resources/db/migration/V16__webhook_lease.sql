-- Who holds a delivery (io.headline.webhook.WebhookOutbox): take() sets a new lease id, and only the worker holding it
-- may record the attempt's outcome or give the delivery back; a replay while it is held is refused. The attempt count
-- cannot serve: a replay starts it again.
alter table webhook_delivery add column lease_id uuid;

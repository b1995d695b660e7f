-- The state each change left (io.headline.change.Change#state): the resource as an admin reads it right after the
-- change, written in the change's own transaction. Webhooks send it, so an event carries the state its own change left
-- and the next update's 'previous' is exact. A row goes once its change has been fanned out to deliveries
-- (io.headline.webhook.WebhookOutbox), so the table holds only the changes between their commit and their fan-out.
-- A table of its own rather than a column of change_log: the fan-out deletes here and never locks a change_log row, so
-- it never waits on (or makes wait) a writer that holds the change counter (see ChangeLog).
create table change_state (
    seq   bigint not null,
    state text   not null,
    constraint pk_change_state primary key (seq)
);

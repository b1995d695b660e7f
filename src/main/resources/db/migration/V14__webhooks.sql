-- Webhooks (io.headline.webhook): endpoints, the deliveries the change log (V13) fans out to them, and every attempt.
-- Plain types only, so that this runs on H2 (PostgreSQL mode) and PostgreSQL.

create table webhook (
    id              uuid          not null,
    url             varchar(2048) not null,
    -- The event names subscribed to, comma-separated (article.published,author.deleted).
    events          varchar(1000) not null,
    -- whsec_ + base64 of the key (Standard Webhooks); sent to the admin once, at creation.
    secret          varchar(200)  not null,
    active          boolean       not null,
    -- The change log's last number when the hook was registered: it gets the events after it.
    after_seq       bigint        not null,
    -- Why the hook was switched off by Headline (the receiver answered 410), if it was.
    disabled_reason varchar(500),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint pk_webhook primary key (id)
);

-- One row: the change log has been fanned out to deliveries up to last_seq. Its lock serializes fan-outs.
create table webhook_cursor (
    id       integer not null,
    last_seq bigint  not null,
    constraint pk_webhook_cursor primary key (id)
);
insert into webhook_cursor (id, last_seq) values (1, (select coalesce(max(seq), 0) from change_log));

-- The state of each resource as the last fan-out sent it: the 'previous' of the next update's payload.
create table webhook_resource_state (
    resource_id uuid   not null,
    seq         bigint not null,
    state       text   not null,
    constraint pk_webhook_resource_state primary key (resource_id)
);

create table webhook_delivery (
    id              uuid         not null,
    webhook_id      uuid         not null,
    change_seq      bigint       not null,
    resource_id     uuid         not null,
    event_type      varchar(40)  not null,
    payload         text         not null,
    -- pending, succeeded, failed (the hook was disabled before it succeeded) or dead (retried for the whole period)
    state           varchar(16)  not null,
    attempts        integer      not null,
    -- When a worker may take it next. A worker that takes it moves this past the attempt's time (a lease): an
    -- instance that dies mid-attempt leaves it to be taken again.
    next_attempt_at timestamp with time zone not null,
    -- Retries stop after this instant (a replay starts a new period).
    retry_until     timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    constraint pk_webhook_delivery primary key (id),
    constraint fk_webhook_delivery_webhook foreign key (webhook_id) references webhook (id) on delete cascade
);
create index ix_webhook_delivery_due on webhook_delivery (state, next_attempt_at);
create index ix_webhook_delivery_resource on webhook_delivery (webhook_id, resource_id, change_seq);
create index ix_webhook_delivery_list on webhook_delivery (webhook_id, created_at);

create table webhook_attempt (
    id           uuid        not null,
    delivery_id  uuid        not null,
    at           timestamp with time zone not null,
    status_code  integer,
    duration_ms  bigint      not null,
    -- At most 1 KB of the response body.
    response     varchar(1024),
    error        varchar(500),
    constraint pk_webhook_attempt primary key (id),
    constraint fk_webhook_attempt_delivery foreign key (delivery_id) references webhook_delivery (id) on delete cascade
);
create index ix_webhook_attempt_delivery on webhook_attempt (delivery_id, at);

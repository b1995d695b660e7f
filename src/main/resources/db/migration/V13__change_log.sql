-- The change log: one row per content change, appended in the change's own transaction, in commit order
-- (io.headline.change.ChangeLog). It is the change feed (GET /api/v1/changes) and the webhooks' outbox.
-- Plain types only, so that this runs on H2 (PostgreSQL mode) and PostgreSQL.

-- One row. Each appending transaction adds to last_seq and holds that row's lock until it commits, so sequence
-- numbers are taken and committed in one order: a reader that sees number n has seen every number below it.
create table change_counter (
    id       integer not null,
    last_seq bigint  not null,
    constraint pk_change_counter primary key (id)
);
insert into change_counter (id, last_seq) values (1, 0);

create table change_log (
    seq           bigint        not null,
    occurred_at   timestamp with time zone not null,
    -- article, author or category
    resource_type varchar(16)   not null,
    resource_id   uuid          not null,
    slug          varchar(120)  not null,
    -- created, updated, published, unpublished, scheduled or deleted: the event is <resource_type>.<kind>
    kind          varchar(16)   not null,
    -- Whether the public could see the resource just before and just after the change (authors and categories:
    -- always). The public feed shows a change that leaves it visible, and as a removal one that hides it.
    was_public    boolean       not null,
    is_public     boolean       not null,
    -- An article's publication instant, when it is published or scheduled.
    published_at  timestamp with time zone,
    -- Set when the change leaves an article to become public later (scheduled): once that instant has passed, and
    -- unless a later change of the article came first, a 'published' row is appended for it.
    -- The article's next change (that row, or one that supersedes the schedule) clears it: only pending ones are set.
    appears_at    timestamp with time zone,
    constraint pk_change_log primary key (seq)
);
create index ix_change_log_resource on change_log (resource_id, seq);
create index ix_change_log_appears_at on change_log (appears_at);

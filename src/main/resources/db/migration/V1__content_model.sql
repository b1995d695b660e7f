-- Headline's content model. Written once for both H2 (in PostgreSQL mode) and PostgreSQL.

create table author (
    id          uuid          not null primary key,
    slug        varchar(120)  not null,
    name        varchar(200)  not null,
    bio         varchar(5000),
    avatar_url  varchar(2048),
    website_url varchar(2048),
    email       varchar(320),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null,
    constraint uq_author_slug unique (slug)
);

create table category (
    id          uuid          not null primary key,
    slug        varchar(120)  not null,
    name        varchar(200)  not null,
    description varchar(5000),
    parent_id   uuid,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null,
    constraint uq_category_slug unique (slug),
    -- Names are unique ignoring case; the service checks that, H2 has no index on lower(name).
    constraint uq_category_name unique (name),
    constraint fk_category_parent foreign key (parent_id) references category (id)
);
create index ix_category_parent on category (parent_id);

create table article (
    id                uuid          not null primary key,
    slug              varchar(120)  not null,
    title             varchar(300)  not null,
    subtitle          varchar(500),
    excerpt           varchar(1000),
    body              text,
    status            varchar(16)   not null,
    published_at      timestamp with time zone,
    category_id       uuid          not null,
    feature_image_url varchar(2048),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint        not null,
    constraint uq_article_slug unique (slug),
    constraint ck_article_status check (status in ('draft', 'published', 'scheduled', 'archived')),
    constraint fk_article_category foreign key (category_id) references category (id)
);
-- Newest-first lists, public (status + time) and editorial (time only), with the id as tie-breaker.
create index ix_article_status_published on article (status, published_at desc, id desc);
create index ix_article_published on article (published_at desc, id desc);
create index ix_article_category on article (category_id, published_at desc);

create table article_author (
    article_id uuid    not null,
    position   integer not null,
    author_id  uuid    not null,
    constraint pk_article_author primary key (article_id, position),
    constraint fk_article_author_article foreign key (article_id) references article (id) on delete cascade,
    constraint fk_article_author_author foreign key (author_id) references author (id)
);
create index ix_article_author_author on article_author (author_id);

create table article_tag (
    article_id uuid         not null,
    position   integer      not null,
    tag        varchar(100) not null,
    constraint pk_article_tag primary key (article_id, position),
    constraint fk_article_tag_article foreign key (article_id) references article (id) on delete cascade
);
create index ix_article_tag_tag on article_tag (tag);

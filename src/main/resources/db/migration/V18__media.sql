-- The media library (io.headline.media): one row per distinct file (the same bytes uploaded twice are one row, by
-- their SHA-256), its metadata, and which articles use it (what makes a file public).
create table media (
    id             uuid          not null primary key,
    sha256         varchar(64)   not null,
    -- Changes with the bytes and the focal point: every file URL carries it, so a replaced file or a moved focal
    -- point never serves an old rendition from a cache.
    file_version   varchar(16)   not null,
    content_type   varchar(64)   not null,
    original_name  varchar(255)  not null,
    bytes          bigint        not null,
    width          integer,
    height         integer,
    alt            varchar(1000),
    caption        varchar(2000),
    credit         varchar(500),
    focal_x        double precision not null,
    focal_y        double precision not null,
    placeholder    varchar(64),
    dominant_color varchar(7),
    -- The author an author token uploaded as: authors may change only their own uploads.
    owner_id       uuid,
    created_by     varchar(200)  not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint        not null,
    constraint uq_media_sha256 unique (sha256),
    constraint fk_media_owner foreign key (owner_id) references author (id) on delete set null
);
create index ix_media_created on media (created_at desc, id desc);

-- Media an article uses: its feature image and media:{id} references in its body. Kept on every article write.
create table article_media (
    article_id uuid not null,
    media_id   uuid not null,
    constraint pk_article_media primary key (article_id, media_id),
    constraint fk_article_media_article foreign key (article_id) references article (id) on delete cascade,
    constraint fk_article_media_media foreign key (media_id) references media (id)
);
create index ix_article_media_media on article_media (media_id);

-- Editorial workflow: every change to an article is kept as a numbered revision, and an article's former slugs
-- keep answering (with a redirect). Plain types only, so that this runs on H2 (PostgreSQL mode) and PostgreSQL.

create table article_revision (
    article_id uuid          not null,
    number     integer       not null,
    author     varchar(255)  not null,
    created_at timestamp with time zone not null,
    -- The article as an ArticleInput JSON document: what a restore writes back.
    snapshot   text          not null,
    constraint pk_article_revision primary key (article_id, number),
    constraint fk_article_revision_article foreign key (article_id) references article (id) on delete cascade
);

create table article_slug_history (
    slug       varchar(120)  not null,
    article_id uuid          not null,
    constraint pk_article_slug_history primary key (slug),
    constraint fk_article_slug_history_article foreign key (article_id) references article (id) on delete cascade
);
create index ix_article_slug_history_article on article_slug_history (article_id);

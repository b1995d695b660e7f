-- API tokens: only a SHA-256 hash of each secret is stored; the secret is shown once, at creation.
create table api_token (
    id           uuid         not null primary key,
    name         varchar(200) not null,
    role         varchar(16)  not null,
    token_hash   varchar(64)  not null,
    author_id    uuid,
    expires_at   timestamp with time zone,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint uq_api_token_hash unique (token_hash),
    constraint ck_api_token_role check (role in ('admin', 'editor', 'author', 'preview', 'content')),
    constraint fk_api_token_author foreign key (author_id) references author (id) on delete cascade
);

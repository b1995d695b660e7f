-- Translatable names (issue #20): a category's name and description, an author's name and bio, in the locales of
-- headline.locales other than the default. The category or author row itself keeps the default locale's text; a
-- translation row holds one other locale's, and goes with its category or author. Slugs are not translated: one
-- slug names a category or an author in every locale, as an id does.
--
-- A translated category name is unique within its locale, ignoring case, as the default names are (uq_category_name):
-- the service checks the case, the constraint the race. Author names are not unique, in any locale.

create table category_translation (
    category_id uuid          not null,
    locale      varchar(35)   not null,
    name        varchar(200)  not null,
    description varchar(5000),
    constraint pk_category_translation primary key (category_id, locale),
    constraint fk_category_translation_category foreign key (category_id) references category (id) on delete cascade,
    constraint uq_category_translation_name unique (locale, name)
);

create table author_translation (
    author_id uuid          not null,
    locale    varchar(35)   not null,
    name      varchar(200)  not null,
    bio       varchar(5000),
    constraint pk_author_translation primary key (author_id, locale),
    constraint fk_author_translation_author foreign key (author_id) references author (id) on delete cascade
);

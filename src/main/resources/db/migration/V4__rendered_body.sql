-- The body rendered once at write time (sanitized HTML, plain text, word count), so reads never render.
alter table article add column body_html text;
alter table article add column body_text text;
alter table article add column word_count integer default 0 not null;

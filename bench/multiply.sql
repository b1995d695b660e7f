-- The :k-th copy of every imported article (bench/run.sh --multiply): a new id, the slug with "-c:k" appended, dates
-- :k times 17 minutes earlier, the same category, authors, tags, bodies and renders; the database computes the search
-- document as for any write. The originals are the rows of bench_original, which run.sh makes before the first copy.
begin;
insert into article (id, slug, title, subtitle, excerpt, body, status, published_at, category_id, feature_image_url,
                     created_at, updated_at, version, featured, body_html, body_text, word_count, external_id)
select gen_random_uuid(), left(a.slug, 110) || '-c' || :k, a.title, a.subtitle, a.excerpt, a.body, a.status,
       a.published_at - :k * interval '17 minutes', a.category_id, a.feature_image_url,
       a.created_at - :k * interval '17 minutes', a.updated_at - :k * interval '17 minutes', 0, a.featured,
       a.body_html, a.body_text, a.word_count, a.external_id || '-c' || :k
  from bench_original o join article a on a.id = o.id;
insert into article_author (article_id, position, author_id)
select n.id, aa.position, aa.author_id
  from bench_original o join article n on n.slug = left(o.slug, 110) || '-c' || :k
  join article_author aa on aa.article_id = o.id;
insert into article_tag (article_id, position, tag)
select n.id, t.position, t.tag
  from bench_original o join article n on n.slug = left(o.slug, 110) || '-c' || :k
  join article_tag t on t.article_id = o.id;
commit;

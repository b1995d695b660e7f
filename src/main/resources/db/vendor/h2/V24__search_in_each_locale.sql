-- PostgreSQL stems each article's search document in its locale's language (see its V24). The embedded H2 keeps its
-- portable search, which needs no schema (see io.headline.search.PortableSearch); this script keeps the version in
-- step.
select 1;

-- PostgreSQL stores each article's search document here (see its V9). The embedded H2 keeps its portable search,
-- which needs no schema (see io.headline.search.PortableSearch); this script keeps the version in step.
select 1;

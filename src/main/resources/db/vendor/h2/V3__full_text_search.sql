-- Full-text search on H2 is a portable fallback that needs no schema: case-insensitive matching of
-- every query word in the title, subtitle, excerpt and body (see io.headline.search.PortableSearch).
-- This script keeps the version in step with PostgreSQL's V3, so both databases share one history.
select 1;

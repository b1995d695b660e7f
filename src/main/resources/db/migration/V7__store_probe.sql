-- One row that the readiness check rewrites, to prove that the database still accepts writes
-- without making it grow.
create table store_probe (
    id        integer primary key,
    probed_at timestamp
);
insert into store_probe (id, probed_at) values (1, null);

-- Secrets every instance on this database shares, made by the first instance that needs one (never in a file):
-- 'change-marks' keys the marks change feed cursors carry (io.headline.change.ChangeMarks). Kept with the data, so a
-- restored database keeps the key its cursors were marked with.
create table server_secret (
    name   varchar(64)  not null,
    secret varchar(128) not null,
    constraint pk_server_secret primary key (name)
);

-- One shard: csmetrics and one plain table for each of the two channels it
-- holds (:chan1, :chan2); the coordinator sees them as foreign partitions.
CREATE EXTENSION csmetrics;

CREATE TABLE tickets_:chan1 (
    id              bigint PRIMARY KEY,
    channel         text NOT NULL CHECK (channel = :'chan1'),
    created_at      timestamptz NOT NULL,
    first_reply_at  timestamptz,
    resolved_at     timestamptz,
    escalated       boolean NOT NULL,
    nps_score       integer,
    csat_rating     integer
);

CREATE TABLE tickets_:chan2 (
    id              bigint PRIMARY KEY,
    channel         text NOT NULL CHECK (channel = :'chan2'),
    created_at      timestamptz NOT NULL,
    first_reply_at  timestamptz,
    resolved_at     timestamptz,
    escalated       boolean NOT NULL,
    nps_score       integer,
    csat_rating     integer
);

-- Every dead letter OPS replayed (POST /api/v1/ops/dead-letters/{messageId}/replay): who, when, which message, where
-- it went back to. Written in the same database transaction that the broker's move commits inside (kw.billpay.ops).
create table dead_letter_replay (
    id                  bigserial     primary key,
    replayed_at         timestamptz   not null default now(),
    replayed_by         varchar(100)  not null,
    message_id          varchar(200)  not null,
    destination         varchar(200)  not null,
    dead_lettered_at    timestamptz,
    reason              text
);
create index dead_letter_replay_message_idx on dead_letter_replay (message_id);

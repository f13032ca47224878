-- The events relay keeps its place in the outbox instead of marking each event published.
--
-- V1 marked every relayed event with an UPDATE of published_at. That update could never be HOT (the outbox index's
-- predicate names the column), so each event was written twice: a second full copy of the row and its index entries
-- in the WAL, and a dead row for vacuum. Now an event is written once, and the relay moves one position row per batch.
--
-- An event's place is (tx_id, id): the id of the transaction that wrote it, then its own id. Ids alone cannot be a
-- position: a transaction can commit an event after a later id from another transaction was already relayed, and a
-- position past that later id would skip it forever. The relay only reads events whose transaction is older than
-- every transaction still running (pg_snapshot_xmin of its snapshot), so nothing can still appear behind the position.

alter table payment_event add column tx_id xid8;
-- Events still waiting to be relayed at the upgrade are relayed first, in id order, under the upgrade's own
-- transaction id; events already relayed keep no place (null) and are never relayed again.
update payment_event set tx_id = pg_current_xact_id() where publish and published_at is null;
alter table payment_event alter column tx_id set default pg_current_xact_id();

drop index payment_event_outbox_idx;
alter table payment_event drop column published_at;
create index payment_event_relay_idx on payment_event (tx_id, id) where publish;

-- One row per relay: the place of the last event it handed to the broker.
create table event_relay_position (
    relay                 varchar(50)   primary key,
    tx_id                 xid8          not null,
    id                    bigint        not null,
    moved_at              timestamptz   not null default now()
);
insert into event_relay_position (relay, tx_id, id) values ('payment-events', '0', 0);

-- The events not yet handed to the broker (tests, operators): those behind the relay's position.
create view payment_event_unpublished as
select e.* from payment_event e join event_relay_position r on r.relay = 'payment-events'
where e.publish and (e.tx_id, e.id) > (r.tx_id, r.id);

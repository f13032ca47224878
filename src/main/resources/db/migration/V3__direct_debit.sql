-- Direct-debit result files from partner banks (CONTRACT "Direct-debit result files").

-- Claims on inbox files, shared by every gateway instance on the same folders (FileClaims, the inbox route's read
-- lock): a row claims a file, its holder refreshes refreshed_at while it works on the file and deletes the row when
-- done. A row whose refreshed_at stopped moving belongs to an instance that died, and may be taken over.
create table direct_debit_claim (
    path                  varchar(1000) primary key,               -- the file's absolute path
    owner                 varchar(300)  not null,                  -- host/pid/uuid of the claiming instance
    refreshed_at          timestamptz   not null
);

-- One row per file taken from an inbox: its progress while in progress, its outcome and totals afterwards.
create table direct_debit_file (
    id                    bigserial     primary key,
    bank                  varchar(10)   not null,                  -- the inbox it was dropped in
    file_id               varchar(64),                             -- from the header; null when the header is unreadable
    file_name             varchar(255)  not null,
    sha256                char(64)      not null,
    status                varchar(12)   not null check (status in ('IN_PROGRESS', 'ACCEPTED', 'REJECTED')),
    reason                varchar(40),                             -- why a file was REJECTED
    currency              char(3),
    created_date          date,
    record_count          integer       not null default 0 check (record_count >= 0),   -- D lines, from the trailer
    control_sum           numeric,                                 -- as the trailer wrote it
    records_done          integer       not null default 0 check (records_done >= 0),
    posted_count          integer       not null default 0,
    posted_sum            numeric(38,3) not null default 0,
    refused_count         integer       not null default 0,
    not_collected_count   integer       not null default 0,
    not_collected_sum     numeric(38,3) not null default 0,
    received_at           timestamptz   not null,
    completed_at          timestamptz,
    archived_as           varchar(255)                             -- the name under done/ or error/, set just before the move
);
-- DUPLICATE_FILE (R22): a bank's fileId is taken once by a file being or having been posted. A rejected file does
-- not take it, so the bank can send the corrected file under the same fileId.
create unique index direct_debit_file_once on direct_debit_file (bank, file_id) where status in ('IN_PROGRESS', 'ACCEPTED');

-- The outcome of every D line of an accepted file, in the file's order: what the acknowledgement is written from,
-- and the collections team's list of debits the banks could not collect.
create table direct_debit_record (
    file_ref              bigint        not null references direct_debit_file (id),
    line_no               integer       not null,                  -- the line in the file (the header is line 1)
    seq                   varchar(35)   not null,                  -- '' when the line had no readable seq
    first_of_seq          boolean       not null,                  -- the line that took this seq (see the index below)
    status                varchar(14)   not null check (status in ('POSTED', 'REFUSED', 'NOT_COLLECTED')),
    reason                varchar(40),                             -- refusal reason, or the bank's ISO 20022 reason code
    payment_id            uuid          references payment (payment_id),
    account_number        varchar(19),
    mandate_ref           varchar(64),
    amount                numeric(19,3),
    currency              char(3)       not null,
    collection_date       date,
    primary key (file_ref, line_no),
    constraint posted_has_payment check ((status = 'POSTED') = (payment_id is not null))
);
-- A seq is taken by its first line; a later line with the same seq is refused as DUPLICATE_SEQ.
create unique index direct_debit_record_seq_once on direct_debit_record (file_ref, seq) where first_of_seq;
create index direct_debit_record_not_collected_idx on direct_debit_record (account_number, file_ref desc)
    where status = 'NOT_COLLECTED';

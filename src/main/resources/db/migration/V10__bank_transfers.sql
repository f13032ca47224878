-- Bank transfers: camt.054 credit notifications from the issuer's banks, matched to card accounts, with a suspense
-- queue (CONTRACT "Bank transfers (ISO 20022 camt.054)", DOMAIN R26-R28).

-- Claims on inbox files, as direct_debit_claim is for direct debits (infra.FileClaims, the inbox route's read lock).
create table bank_transfer_claim (
    path                  varchar(1000) primary key,               -- the file's absolute path
    owner                 varchar(300)  not null,                  -- host/pid/uuid of the claiming instance
    refreshed_at          timestamptz   not null
);

-- One row per file taken from an inbox: its progress while in progress, its outcome afterwards.
create table bank_transfer_file (
    id                    bigserial     primary key,
    bank                  varchar(10)   not null,                  -- the inbox it was dropped in
    message_id            varchar(35),                             -- GrpHdr/MsgId (ISO Max35Text); null when refused before it was read
    file_name             varchar(255)  not null,
    sha256                char(64)      not null,
    status                varchar(12)   not null check (status in ('IN_PROGRESS', 'ACCEPTED', 'REFUSED')),
    reason                varchar(40),                             -- why a file was REFUSED (Camt054Refusal, DUPLICATE_MESSAGE_ID)
    detail                varchar(1000),                           -- where and what, no card number
    version               varchar(10),                             -- 001.02 to 001.08
    created_at            timestamptz,                             -- GrpHdr/CreDtTm
    entry_count           integer       not null default 0,        -- Ntry elements, counted by the first pass
    entries_done          integer       not null default 0,        -- entries whose lines are committed
    received_at           timestamptz   not null,
    completed_at          timestamptz,
    archived_as           varchar(300)                             -- the name under done/ or error/, set just before the move
);
-- The same MsgId again from a bank is a refused file (R22): taken once by a file being or having been taken. A refused
-- file does not take it, so the bank can send the corrected file under the same MsgId.
create unique index bank_transfer_file_once on bank_transfer_file (bank, message_id) where status in ('IN_PROGRESS', 'ACCEPTED');

-- Counts and sums of a file's lines by outcome and currency, added to by each committed batch.
create table bank_transfer_file_total (
    file_ref              bigint        not null references bank_transfer_file (id),
    outcome               varchar(10)   not null check (outcome in ('POSTED', 'SUSPENSE', 'RECALL', 'IGNORED')),
    currency              char(3)       not null,                  -- XXX (ISO 4217 "no currency") for an unreadable amount
    count                 integer       not null,
    amount                numeric(38,4) not null,
    primary key (file_ref, outcome, currency)
);

-- One row per line of an accepted file: a transfer (one TxDtls of a CRDT BOOK entry, or such an entry without
-- details), a recall (a DBIT BOOK entry returning an earlier transfer), or an ignored line (a DBIT entry, an entry not
-- BOOK, an entry that cannot be read, a transfer reported before). A transfer in suspense is a row whose status is
-- SUSPENSE until it is assigned to an account, returned to the payer or recalled by the bank.
create table bank_transfer (
    id                    bigserial     primary key,
    file_ref              bigint        not null references bank_transfer_file (id),
    entry_position        integer       not null,                  -- the Ntry's position in the file, from 1
    detail_index          integer       not null,                  -- its TxDtls, from 1; 0 for a line of the entry itself
    bank                  varchar(10)   not null,
    kind                  varchar(10)   not null check (kind in ('TRANSFER', 'RECALL', 'IGNORED')),
    status                varchar(12)   not null check (
        (kind = 'TRANSFER' and status in ('POSTED', 'SUSPENSE', 'ASSIGNED', 'RETURNED', 'RECALLED'))
        or (kind = 'RECALL' and status in ('APPLIED', 'NOT_APPLIED'))
        or (kind = 'IGNORED' and status = 'IGNORED')),
    suspended             boolean       not null default false,   -- a transfer that went to suspense when received
    reason                varchar(40),                             -- the matching rule, the suspense reason, why ignored...
    detail                varchar(500),                            -- the decision in words, no card number
    bank_reference        varchar(80),                             -- AcctSvcrRef of TxDtls, else of Ntry (R28); at most 70 taken
    end_to_end_id         varchar(35),
    transaction_id        varchar(35),
    amount                numeric(19,4),
    currency              char(3),
    value_time            timestamptz,                             -- ValDt, else BookgDt (R26)
    debtor_name           varchar(140),
    remittance            varchar(2000),                           -- masked: every run of 12 or more digits to its last 4
    account_number        varchar(19),                             -- matched or assigned
    payment_id            uuid          references payment (payment_id),
    original_ref          bigint        references bank_transfer (id),   -- a recall's or a repeat's original transfer
    closed_by             varchar(100),                            -- who assigned or returned it, or the bank that recalled it
    closed_at             timestamptz,
    return_reason         varchar(200)
);
-- A transfer, and a recall, is identified by its bank's reference: reported twice, it is taken once (R22, R28).
create unique index bank_transfer_once on bank_transfer (bank, bank_reference)
    where kind in ('TRANSFER', 'RECALL') and bank_reference is not null;
-- A recall names its original by EndToEndId or TxId as often as by the original's AcctSvcrRef.
create index bank_transfer_end_to_end on bank_transfer (bank, end_to_end_id) where kind = 'TRANSFER' and end_to_end_id is not null;
create index bank_transfer_transaction on bank_transfer (bank, transaction_id) where kind = 'TRANSFER' and transaction_id is not null;
-- The suspense queue by state (SUSPENSE while open); those without a payment are what reconciliation counts as
-- received and not posted (R27).
create index bank_transfer_suspense on bank_transfer (status, id) where suspended;

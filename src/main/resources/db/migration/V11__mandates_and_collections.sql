-- Direct-debit mandates and the collection runs of the 27th and 28th (CONTRACT "Direct-debit mandates and collection
-- runs", DOMAIN R15-R17, R29-R31). Owned by the collection feature (MandateRepository, CollectionRepository).

-- A customer's signed form: collect MINIMUM or FULL from this IBAN at this partner bank (R29).
create table mandate (
    mandate_ref           varchar(64)   primary key,
    account_number        varchar(19)   not null references account (account_number),
    bank                  varchar(10)   not null,
    debtor_account        varchar(34)   not null,                  -- the customer's IBAN at the bank
    type                  varchar(7)    not null check (type in ('MINIMUM', 'FULL')),
    -- SUSPENDED: a bank's reason code said never to present it again (AC04, MD01, MD07…), until OPS puts it back
    status                varchar(9)    not null check (status in ('ACTIVE', 'CANCELLED', 'SUSPENDED')),
    status_reason         varchar(35),
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null
);
-- One active mandate per card account: two would collect the same bill twice.
create unique index mandate_one_active_per_account on mandate (account_number) where status = 'ACTIVE';
create index mandate_by_account on mandate (account_number);

-- Every change of a mandate: who, when, what (the mandate before and after).
create table mandate_change (
    id                    bigserial     primary key,
    mandate_ref           varchar(64)   not null references mandate (mandate_ref),
    changed_at            timestamptz   not null,
    actor                 varchar(200)  not null,
    change                varchar(20)   not null,                  -- CREATED, REPLACED, SUSPENDED
    before                jsonb,
    after                 jsonb         not null
);
create index mandate_change_by_mandate on mandate_change (mandate_ref, id);

-- A collection run: one per collection date, whichever instance or request started it.
create table collection_run (
    id                    bigserial     primary key,
    collection_date       date          not null unique,
    presentation          smallint      not null check (presentation in (1, 2)),  -- 1 on the 27th, 2 on the 28th
    status                varchar(11)   not null check (status in ('IN_PROGRESS', 'COMPLETED', 'INCOMPLETE')),
    started_by            varchar(200)  not null,
    started_at            timestamptz   not null,
    completed_at          timestamptz,
    -- the collect phase's progress, advanced in each page's transaction: a restart goes on after this mandate
    last_mandate_ref      varchar(64),
    collected_all         boolean       not null default false,
    mandates_seen         integer       not null default 0,
    requested             integer       not null default 0,
    skipped_nothing_due   integer       not null default 0,
    skipped_not_open      integer       not null default 0,
    skipped_no_rate       integer       not null default 0
);

-- One request file per run and bank with something to collect.
create table collection_file (
    run_id                bigint        not null references collection_run (id),
    bank                  varchar(10)   not null,
    file_id               varchar(64)   not null,
    file_name             varchar(255)  not null,
    -- PENDING: not written yet; RENAMING: complete under its dot name, about to be renamed; WRITTEN: renamed;
    -- FAILED: the bank's folder could not be written (the run reports it; a later request for the run tries again)
    status                varchar(8)    not null check (status in ('PENDING', 'RENAMING', 'WRITTEN', 'FAILED')),
    record_count          integer       not null default 0,
    control_sum           numeric(19,3) not null default 0,
    error                 varchar(500),
    written_at            timestamptz,
    primary key (run_id, bank)
);

-- One line of a request file: a mandate asked once per collection date (R31), and what the bank said of it.
create table collection_request (
    id                    bigserial     primary key,
    run_id                bigint        not null references collection_run (id),
    collection_date       date          not null,
    mandate_ref           varchar(64)   not null references mandate (mandate_ref),
    bank                  varchar(10)   not null,
    account_number        varchar(19)   not null,
    debtor_account        varchar(34)   not null,
    type                  varchar(7)    not null,
    amount                numeric(19,3) not null check (amount > 0),       -- KWD, as asked of the bank
    billed_amount         numeric(19,3) not null,                          -- in the account's currency
    billing_currency      char(3)       not null,
    fx_rate               numeric(20,10),                                  -- billing currency -> KWD, when converted
    -- PENDING: no result yet; COLLECTED or NOT_COLLECTED as the bank's result file said
    state                 varchar(13)   not null check (state in ('PENDING', 'COLLECTED', 'NOT_COLLECTED')),
    reason_code           varchar(35),                                     -- the bank's ISO 20022 reason
    reason_action         varchar(10),                                     -- what the policy made of it
    result_amount         numeric(19,3),
    result_file           varchar(120),                                    -- bank/fileId/seq of the result line
    result_note           varchar(40),                                     -- why a COLLECTED result was not posted
    payment_id            uuid          references payment (payment_id),
    result_at             timestamptz,
    unique (mandate_ref, collection_date)
);
create index collection_request_by_run on collection_request (run_id, bank, id);

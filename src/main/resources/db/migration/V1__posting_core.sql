-- The posting core: accounts with their balance buckets, payments, allocations, the audit trail that doubles as
-- the event outbox, idempotency records, FX rates and refund-due records.
-- Amounts are numeric(19,3): every supported currency has at most 3 minor digits (ISO 4217: KWD 3, USD 2).

create table account (
    account_number        varchar(19)   primary key check (account_number ~ '^[0-9]{6,19}$'),
    issuer_id             varchar(64)   not null,
    holder_name           varchar(200)  not null,
    currency              char(3)       not null,
    product               varchar(10)   not null check (product in ('CREDIT', 'CHARGE')),
    credit_limit          numeric(19,3) not null check (credit_limit >= 0),
    status                varchar(10)   not null check (status in ('OPEN', 'BLOCKED', 'CLOSED')),
    statement_date        date          not null,
    due_date              date          not null,
    minimum_due           numeric(19,3) not null check (minimum_due >= 0),
    minimum_due_computed  boolean       not null,
    past_due              numeric(19,3) not null default 0 check (past_due >= 0),  -- unpaid minimum carried in (R16)
    paid_since_statement  numeric(19,3) not null default 0 check (paid_since_statement >= 0),
    -- one column per bucket (DOMAIN "Allocation"); a posting updates the row it locked, in one statement
    previous_fees         numeric(19,3) not null default 0 check (previous_fees >= 0),
    previous_cash         numeric(19,3) not null default 0 check (previous_cash >= 0),
    previous_purchases    numeric(19,3) not null default 0 check (previous_purchases >= 0),
    previous_instalments  numeric(19,3) not null default 0 check (previous_instalments >= 0),
    current_instalments   numeric(19,3) not null default 0 check (current_instalments >= 0),
    current_fees          numeric(19,3) not null default 0 check (current_fees >= 0),
    current_cash          numeric(19,3) not null default 0 check (current_cash >= 0),
    current_purchases     numeric(19,3) not null default 0 check (current_purchases >= 0),
    unbilled              numeric(19,3) not null default 0 check (unbilled >= 0),
    credit_balance        numeric(19,3) not null default 0 check (credit_balance >= 0),
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now()
);

create table payment (
    payment_id            uuid          primary key,
    seq                   bigserial     not null unique,            -- order received; newest-first listings
    source_key            varchar(200)  not null unique,            -- the channel's identity of this payment (R22)
    channel               varchar(20)   not null,
    method                varchar(20)   not null,
    status                varchar(20)   not null,
    status_reason         varchar(100),
    account_number        varchar(19)   not null references account (account_number),
    received_amount       numeric(19,3) not null check (received_amount > 0),
    received_currency     char(3)       not null,
    billing_currency      char(3)       not null,
    posted_amount         numeric(19,3) check (posted_amount > 0),
    fx_rate               numeric(20,10),
    fx_effective_at       timestamptz,
    fx_source             varchar(100),
    credit_balance_part   numeric(19,3) check (credit_balance_part >= 0),
    value_time            timestamptz,
    received_at           timestamptz   not null,
    posted_at             timestamptz,
    reference             varchar(100),
    receipt_number        varchar(40)   unique,
    flags                 varchar(100)  not null default '',
    origin                jsonb         not null default '{}'::jsonb,  -- who took it: teller, branch, cheque, file line…
    -- R11 guard at the database level: a posted payment is fully accounted for
    constraint posted_is_complete check (status not in ('POSTED', 'REVERSED')
        or (posted_amount is not null and credit_balance_part is not null and value_time is not null))
);
create index payment_account_idx on payment (account_number, seq desc);
create index payment_status_idx on payment (status) where status in ('PENDING_CLEARING', 'PENDING_FX', 'INITIATED');

create table allocation (
    payment_id            uuid          not null references payment (payment_id),
    position              smallint      not null,                  -- the order the buckets were paid in
    bucket                varchar(30)   not null,
    amount                numeric(19,3) not null check (amount > 0),
    primary key (payment_id, position)
);

-- The audit trail of every payment (R25). Rows with publish = true are also the outbox of the events topic:
-- written in the posting transaction, relayed to the broker after commit, marked published after the send.
create table payment_event (
    id                    bigserial     primary key,
    payment_id            uuid          not null references payment (payment_id),
    occurred_at           timestamptz   not null,
    type                  varchar(30)   not null,
    actor                 varchar(100)  not null,
    detail                jsonb         not null default '{}'::jsonb,
    publish               boolean       not null default false,
    published_at          timestamptz
);
create index payment_event_payment_idx on payment_event (payment_id, id);
create index payment_event_outbox_idx on payment_event (id) where publish and published_at is null;

create table idempotency_record (
    scope                 varchar(100)  not null,                  -- the caller: a staff user or a channel
    idempotency_key       varchar(64)   not null,
    request_hash          char(64)      not null,                  -- SHA-256 of the normalised request
    response_status       smallint      not null,
    response_body         text          not null,
    payment_id            uuid          references payment (payment_id),
    created_at            timestamptz   not null default now(),
    primary key (scope, idempotency_key)
);

create table fx_rate (
    from_currency         char(3)       not null,
    to_currency           char(3)       not null,
    effective_at          timestamptz   not null,
    rate                  numeric(20,10) not null check (rate > 0),
    source                varchar(100)  not null,
    created_at            timestamptz   not null default now(),
    primary key (from_currency, to_currency, effective_at)
);

-- R13: a credit balance above the issuer's threshold is due back to the cardholder.
create table refund_due (
    id                    bigserial     primary key,
    account_number        varchar(19)   not null references account (account_number),
    payment_id            uuid          not null references payment (payment_id),
    amount                numeric(19,3) not null check (amount > 0),
    currency              char(3)       not null,
    created_at            timestamptz   not null default now()
);

create sequence receipt_number_seq;

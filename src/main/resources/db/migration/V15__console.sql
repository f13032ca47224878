-- The staff console (/console): receipt prints and tellers' end-of-day till counts.

-- Every print of a branch payment's receipt: the first is the original, every later one a COPY.
create table receipt_print (
    payment_id            uuid          not null references payment (payment_id),
    copy_no               integer       not null check (copy_no >= 1),
    paper                 varchar(5)    not null check (paper in ('A4', '80MM')),
    printed_by            varchar(100)  not null,
    printed_at            timestamptz   not null default now(),
    primary key (payment_id, copy_no)
);

-- A teller's end of day: the blind count the teller entered, what the payments recorded say the till should hold
-- (taken when the count is entered), and the supervisor's sign-off. A count may be entered again until signed off.
create table till_count (
    teller                varchar(100)  not null,
    business_date         date          not null,
    institution           varchar(10)   not null,
    branch                varchar(40)   not null,
    counted               jsonb         not null,  -- per tender and currency; cash also per denomination
    expected              jsonb         not null,  -- per tender and currency, from the payments the teller recorded
    counted_at            timestamptz   not null,
    signed_off_by         varchar(100),
    signed_off_at         timestamptz,
    primary key (teller, business_date),
    constraint signed_off_whole check ((signed_off_by is null) = (signed_off_at is null))
);
create index till_count_to_sign_idx on till_count (counted_at) where signed_off_by is null;

-- A teller's payments of one day (posting.TillTotals): the till summary reads a day, not the whole ledger.
create index payment_teller_day_idx on payment ((origin ->> 'teller'), received_at) where channel = 'BRANCH';
-- What came in on one day, per channel and status (the operations console, reconciliation.ReconciliationQuery).
create index payment_received_at_idx on payment (received_at);

-- KNET hardening (issue 15): when the gateway next asks KNET about a payment; callbacks kept once, with their repeats,
-- and never with the tranportal's secrets.

-- One row per payment the gateway has still to ask KNET's inquiry service about: an intent KNET has not resolved
-- (RESOLVE), or a payment failed on KNET's word, asked once more after a delay and again at the end of the business
-- day (RECHECK). The row goes when there is nothing more to ask.
create table knet_inquiry_schedule (
    payment_id    uuid         primary key references payment (payment_id),
    purpose       varchar(10)  not null check (purpose in ('RESOLVE', 'RECHECK')),
    stage         smallint     not null default 0,   -- RECHECK: 1 after the delay, 2 at the end of the business day
    next_ask_at   timestamptz  not null,
    attempts      integer      not null default 0,   -- asks in a row without an answer the gateway could read
    last_asked_at timestamptz,
    last_answer   varchar(300),                      -- what the last ask got: KNET's result, or why it was no answer
    claimed_until timestamptz,                       -- a sweep run is asking about it until then
    created_at    timestamptz  not null default now()
);
create index knet_inquiry_schedule_due_idx on knet_inquiry_schedule (next_ask_at);

-- Intents waiting when this version starts are asked about at once, as the sweep did before.
insert into knet_inquiry_schedule (payment_id, purpose, next_ask_at)
select payment_id, 'RESOLVE', received_at from payment where status = 'INITIATED' and method = 'KNET';

-- A repeated callback (same address, same trandata) is one row with a count, answered from what is stored.
alter table knet_callback
    add column trandata_digest  char(64),             -- SHA-256 of the address and trandata
    add column repeats          integer      not null default 0,
    add column last_received_at timestamptz;
create unique index knet_callback_repeat_idx on knet_callback (endpoint, trandata_digest) where trandata_digest is not null;

-- A trandata that decrypts but is not KNET's result (no result, paymentid or tranid) changes nothing.
alter table knet_callback drop constraint knet_callback_outcome_check;
alter table knet_callback add constraint knet_callback_outcome_check
    check (outcome in ('ACCEPTED', 'UNDECRYPTABLE', 'UNKNOWN_TRACK_ID', 'AMOUNT_MISMATCH', 'NOT_A_RESULT'));

-- The tranportal id and password are masked in what is already stored, as they are now before storing.
update knet_callback
set plain_text = regexp_replace(plain_text, '(^|&)(id|password)=[^&]*', '\1\2=****', 'gi')
where plain_text ~* '(^|&)(id|password)=';
update knet_callback
set form = form || (select jsonb_object_agg(key, '****') from jsonb_object_keys(form) as key
                    where lower(key) in ('id', 'password', 'tranportalid', 'tranportalpassword'))
where exists (select 1 from jsonb_object_keys(form) as key
              where lower(key) in ('id', 'password', 'tranportalid', 'tranportalpassword'));

-- Every call KNET makes to /knet/response and /knet/error, kept as received before it is answered
-- (CONTRACT "Online and mobile payments through KNET"), with what the gateway made of it.
create table knet_callback (
    id           bigserial    primary key,
    received_at  timestamptz  not null default now(),
    endpoint     varchar(10)  not null check (endpoint in ('response', 'error')),
    form         jsonb        not null,              -- every form field as posted; trandata still encrypted
    plain_text   text,                               -- trandata decrypted; null when it did not decrypt
    track_id     varchar(100),
    payment_id   uuid         references payment (payment_id),
    result       varchar(100),                       -- KNET's result as the callback states it
    outcome      varchar(30)  not null check (outcome in ('ACCEPTED', 'UNDECRYPTABLE', 'UNKNOWN_TRACK_ID', 'AMOUNT_MISMATCH'))
);
create index knet_callback_payment_idx on knet_callback (payment_id);

-- A camt.054 file whose processing fails for a reason other than its content is retried with back-off and given up
-- after gateway.bank-transfer.max-attempts, as direct-debit files are (infra.FileFailures, table direct_debit_failure).

-- A bank file whose processing failed, while it waits in its inbox to be taken again: how often it failed, why, and
-- not before when it is taken again. Known by its inbox and name as it was when it failed (size, time stamp): a file
-- changed since is another file. The row goes when the file leaves the inbox.
create table bank_transfer_failure (
    bank                  varchar(10)   not null,
    file_name             varchar(255)  not null,
    size                  bigint        not null,
    modified_ms           bigint        not null,
    attempts              integer       not null check (attempts > 0),
    failure               varchar(1000) not null,
    failed_at             timestamptz   not null,
    retry_at              timestamptz   not null,
    primary key (bank, file_name)
);

-- A file given up is REFUSED as PROCESSING_FAILED (unless its outcome was already decided). What its committed batches
-- took stays taken; it does not hold its MsgId, and a resend takes only the rest: each transfer is taken once by its
-- bank reference (bank_transfer_once, the payment's source key).
alter table bank_transfer_file
    add column attempts   integer       not null default 0,        -- failed attempts (not counting the content's refusal)
    add column failure    varchar(1000);                           -- the last one's reason, for operations

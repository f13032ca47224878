-- Files and money (issue 15): a bank file that keeps failing is given up after a bounded number of attempts, an
-- acknowledgement is never overwritten, a cheque or draft is taken once, and a refund-due check waits for its rate.

-- A bank file whose processing failed for a reason other than its content, while it waits in its inbox to be taken
-- again (DirectDebitRepository): how often it failed, why, and not before when it is taken again. The file is known by
-- its inbox and name, as it was when it failed (size, time stamp): a file changed since is another file. The row goes
-- when the file leaves the inbox.
create table direct_debit_failure (
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

alter table direct_debit_file
    add column attempts   integer       not null default 0,        -- failed attempts (not counting the content's refusal)
    add column failure    varchar(1000),                           -- the last one's reason, for operations
    add column ack_name   varchar(255);                            -- its acknowledgement's name in outbox/, chosen once

-- A file given up after some of its records were posted (REJECTED, PROCESSING_FAILED, records_done > 0) keeps its
-- fileId: the same file sent again is a DUPLICATE_FILE, never a second posting of the same records.
drop index direct_debit_file_once;
create unique index direct_debit_file_once on direct_debit_file (bank, file_id)
    where status in ('IN_PROGRESS', 'ACCEPTED') or (status = 'REJECTED' and records_done > 0);

-- A cheque or demand draft (its method, bank and number, as the teller typed them, in capitals and without leading
-- zeros) is taken once while it stands: a RETURNED one (or one REVERSED after it cleared) may be presented again.
-- Payments taken before this rule that repeat an earlier one are marked in their origin and left out.
update payment p set origin = p.origin || jsonb_build_object('chequeRepeatedBeforeV16', 'true')
from (select payment_id, row_number() over (
            partition by method, upper(btrim(origin ->> 'chequeBank')), ltrim(upper(origin ->> 'chequeNumber'), '0')
            order by seq) as n
      from payment
      where method in ('CHEQUE', 'DEMAND_DRAFT') and status not in ('RETURNED', 'REVERSED')
        and origin ->> 'chequeNumber' is not null) repeated
where p.payment_id = repeated.payment_id and repeated.n > 1;
create unique index payment_cheque_once on payment
    (method, upper(btrim(origin ->> 'chequeBank')), ltrim(upper(origin ->> 'chequeNumber'), '0'))
    where method in ('CHEQUE', 'DEMAND_DRAFT') and status not in ('RETURNED', 'REVERSED')
      and origin ->> 'chequeNumber' is not null and origin ->> 'chequeRepeatedBeforeV16' is null;

-- R13 checks that could not be made when the payment posted, for want of a rate to convert the issuer's threshold:
-- made when the rate arrives (PostingService.checkPendingRefunds), from the credit balance the payment found and left.
create table refund_check_pending (
    payment_id            uuid          primary key references payment (payment_id),
    credit_before         numeric(19,3) not null,
    credit_after          numeric(19,3) not null,
    created_at            timestamptz   not null default now()
);

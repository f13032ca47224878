-- A reversal (R23) cancels the refund-due records of the payment it undoes (R13): the excess it made is gone.
alter table refund_due add column cancelled_at timestamptz;
create index refund_due_open_idx on refund_due (id) where cancelled_at is null;

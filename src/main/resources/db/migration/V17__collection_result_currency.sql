-- A collection request's result in the currency the bank's result file gave it, so that 25.00 USD collected for
-- 25.000 KWD asked is shown as what it is (and flagged as another amount).
alter table collection_request add column result_currency char(3);

-- Results recorded before: the currency of the file they came from (result_file is <bank>/<fileId>/<seq>, and a
-- fileId is taken once per bank: V16's direct_debit_file_once). One whose file is not found keeps none and is shown
-- in KWD, the currency every request asks in.
update collection_request r
   set result_currency = f.currency
  from direct_debit_file f
 where r.result_amount is not null
   and f.file_id is not null
   and left(r.result_file, length(f.bank) + length(f.file_id) + 2) = f.bank || '/' || f.file_id || '/'
   and (f.status in ('IN_PROGRESS', 'ACCEPTED') or (f.status = 'REJECTED' and f.records_done > 0));

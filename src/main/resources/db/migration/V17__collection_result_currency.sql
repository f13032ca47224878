-- A collection request's result in the currency the bank's result file gave it, so that 25.00 USD collected for
-- 25.000 KWD asked is shown as what it is (and flagged as another amount). Results recorded before this column
-- have none: they were taken as KWD, the request file's currency, and are shown so.
alter table collection_request add column result_currency char(3);

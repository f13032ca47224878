package kw.billpay.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kw.billpay.testkit.MigrationDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V17 on a database that V16 left with results recorded: each takes the currency of the result file it
 * came from (found by its bank and fileId, never by another bank's file of the same id); one whose file is gone, and
 * a request with no result, keep none.
 */
class ResultCurrencyMigrationTest {

    @Test
    void resultsRecordedBeforeTakeTheirFilesCurrency(@TempDir Path dataDir) throws Exception {
        try (MigrationDatabase database = MigrationDatabase.at(dataDir, "16")) {
            JdbcTemplate jdbc = database.jdbc;
            jdbc.update("""
                    insert into collection_run (id, collection_date, presentation, status, started_by, started_at)
                    values (1, '2026-11-27', 1, 'COMPLETED', 'test', now())""");
            String file = """
                    insert into direct_debit_file (bank, file_id, file_name, sha256, status, currency, received_at)
                    values (?, ?, ?, repeat('0', 64), 'ACCEPTED', ?, now())""";
            jdbc.update(file, "ABK", "F-1", "abk-usd.csv", "USD");
            jdbc.update(file, "KFH", "F-1", "kfh-kwd.csv", "KWD"); // the same fileId at another bank
            String[][] requests = {
                    {"M-USD", "ABK/F-1/1", "25.000"}, {"M-KWD", "KFH/F-1/1", "25.000"},
                    {"M-GONE", "ABK/F-9/1", "25.000"}, {"M-NONE", null, null}};
            for (String[] request : requests) {
                jdbc.update("""
                        insert into mandate (mandate_ref, account_number, bank, debtor_account, type, status, created_at,
                                             updated_at)
                        values (?, '376600000000001', 'ABK', 'KW81CBKU0000000000001234560101', 'MINIMUM', 'CANCELLED', now(),
                                now())""", request[0]);
                jdbc.update("""
                        insert into collection_request (run_id, collection_date, mandate_ref, bank, account_number,
                                                        debtor_account, type, amount, billed_amount, billing_currency,
                                                        state, result_amount, result_file)
                        values (1, '2026-11-27', ?, 'ABK', '376600000000001', 'KW81CBKU0000000000001234560101', 'MINIMUM',
                                25, 25, 'KWD', ?, ?::numeric, ?)""",
                        request[0], request[1] == null ? "PENDING" : "COLLECTED", request[2], request[1]);
            }

            database.migrateTo("17");

            assertThat(currencyOf(jdbc, "M-USD")).isEqualTo("USD");
            assertThat(currencyOf(jdbc, "M-KWD")).isEqualTo("KWD");
            assertThat(currencyOf(jdbc, "M-GONE")).isNull();
            assertThat(currencyOf(jdbc, "M-NONE")).isNull();
        }
    }

    private static String currencyOf(JdbcTemplate jdbc, String mandateRef) {
        return jdbc.queryForObject("select result_currency from collection_request where mandate_ref = ?", String.class,
                mandateRef);
    }
}

package kw.billpay.console.receipt;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every print of a receipt (table {@code receipt_print}): the first is the original, every later one a copy. */
@Repository
@RequiredArgsConstructor
class ReceiptPrints {

    /** A4 sheet or an 80 mm roll. */
    enum Paper { A4, MM80 }

    private final JdbcTemplate jdbc;

    /** Records a print and answers its number: 1 is the original. Two prints at once get two numbers. */
    int record(UUID paymentId, Paper paper, String printedBy) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.queryForObject("""
                        insert into receipt_print (payment_id, copy_no, paper, printed_by)
                        select ?, coalesce(max(copy_no), 0) + 1, ?, ? from receipt_print where payment_id = ?
                        returning copy_no""", Integer.class,
                        paymentId, paper == Paper.A4 ? "A4" : "80MM", printedBy, paymentId);
            } catch (DuplicateKeyException raced) {
                if (attempt == 5) {
                    throw raced;
                }
            }
        }
    }

    int printed(UUID paymentId) {
        Integer n = jdbc.queryForObject("select count(*) from receipt_print where payment_id = ?", Integer.class, paymentId);
        return n == null ? 0 : n;
    }
}

package kw.billpay.console.till;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import kw.billpay.console.till.TillBook.Tally;

/**
 * A teller's end-of-day count: the blind count (per tender and currency, and the cash's pieces per denomination),
 * what the payments said when it was entered, and the supervisor's sign-off once given.
 */
public record TillCount(String teller, LocalDate businessDate, String institution, String branch,
                        Map<String, Tally> counted, Map<String, Integer> pieces, Map<String, Tally> expected,
                        OffsetDateTime countedAt, String signedOffBy, OffsetDateTime signedOffAt) {

    public boolean signedOff() {
        return signedOffBy != null;
    }
}

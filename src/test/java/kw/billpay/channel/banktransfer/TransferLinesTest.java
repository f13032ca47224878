package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kw.billpay.channel.banktransfer.TransferLine.Kind;
import kw.billpay.channel.banktransfer.TransferLine.Outcome;
import org.junit.jupiter.api.Test;

/**
 * What the channel makes of each entry of the fixtures, before any look-up (TransferLines), and the matching decision
 * with its reason (TransferMatching): pure, no database.
 */
class TransferLinesTest {

    private static final ZoneId KUWAIT = ZoneId.of("Asia/Kuwait");

    private static List<TransferLine> lines(String fixture) {
        List<TransferLine> lines = new ArrayList<>();
        try (Camt054Reader reader = Camt054Reader.open(Camt054FixturesTest.folder().resolve(fixture + ".xml"))) {
            reader.forEachRemaining(read -> lines.addAll(TransferLines.of(read, reader.notification(), KUWAIT)));
        }
        return lines;
    }

    @Test
    void aTransfersIdentityIsItsOwnReferenceElseItsEntrysWithItsIndexElseNone() {
        List<TransferLine> lines = lines("v08-missing-acctsvcrref");

        assertThat(lines).extracting(TransferLine::bankReference).containsExactly(null, "WRB-E-0002/1", "WRB-E-0002/2", null);
        assertThat(lines).extracting(TransferLine::kind).containsOnly(Kind.TRANSFER);
        assertThat(lines.get(0).endToEndId()).isEqualTo("PAY-20251127-4411");
    }

    @Test
    void aReturnIsARecallNamingItsOriginalByReferenceAndEndToEndId() {
        List<TransferLine> lines = lines("v06-return");

        assertThat(lines).extracting(TransferLine::kind).containsExactly(Kind.TRANSFER, Kind.RECALL);
        TransferLine recall = lines.get(1);
        assertThat(recall.outcome()).isEqualTo(Outcome.RECALL);
        assertThat(recall.bankReference()).isEqualTo("ABK-25331-000019");
        assertThat(recall.originalReferences().bankReferences()).containsExactly("ABK-25329-000771");
        assertThat(recall.originalReferences().endToEndId()).isEqualTo("E2E-ABK-771");
    }

    @Test
    void entriesNotBookedAndDebitsAreRecordedOnly() {
        assertThat(lines("v05-pending-and-info")).extracting(l -> l.kind() + " " + l.reason())
                .containsExactly("IGNORED NOT_BOOKED", "IGNORED NOT_BOOKED", "TRANSFER null");
        assertThat(lines("v08-batched")).extracting(l -> l.detailIndex() + " " + l.kind() + " " + l.reason())
                .containsExactly("1 TRANSFER null", "2 TRANSFER null", "3 TRANSFER null", "4 TRANSFER null", "0 IGNORED DEBIT");
        assertThat(lines("v08-bad-entries").subList(0, 10)).extracting(TransferLine::reason).contains(
                "UNREADABLE_VALUE", "MISSING_AMOUNT", "INVALID_CURRENCY", "DETAILS_SUM_MISMATCH");
    }

    @Test
    void theValueTimeIsTheValueDateElseTheBookingDateElseTheFilesCreationTime() {
        // ValDt as a date: the start of that day in Kuwait; the booking date does not matter then (R26)
        assertThat(lines("v02-credits-nordea-style")).extracting(TransferLine::valueTime).containsExactly(
                OffsetDateTime.parse("2025-11-27T00:00+03:00"), OffsetDateTime.parse("2025-11-26T00:00+03:00"),
                OffsetDateTime.parse("2025-11-27T00:00+03:00"));
        // ValDt as a date-time, as given
        assertThat(lines("v03-single-credit").get(0).valueTime()).isEqualTo(OffsetDateTime.parse("2025-11-27T08:41:07+03:00"));
        // no ValDt: the booking date
        assertThat(lines("v08-missing-acctsvcrref").get(1).valueTime()).isEqualTo(OffsetDateTime.parse("2025-11-27T00:00+03:00"));
        // neither: when the bank made the file
        assertThat(lines("v08-huge-amounts").get(0).valueTime()).isEqualTo(OffsetDateTime.parse("2025-11-27T10:00+03:00"));
    }

    @Test
    void remittanceIsKeptMaskedAndTheRawTextOnlyForTheMatcher() {
        TransferLine cut = lines("v08-credits-german-style").get(0);

        assertThat(cut.remittance()).isEqualTo("SVWZ+PAYMENT CREDIT CARD NO **** **** ** ** 1234 THANK YOU");
        assertThat(cut.unstructured()).containsExactly("SVWZ+PAYMENT CREDIT CARD NO 5123 4500 00", "00 1234 THANK YOU");
        assertThat(cut.endToEndId()).as("NOTPROVIDED is no id").isNull();
        assertThat(cut.toString()).doesNotContain("5123 4500 00");
        TransferLine structured = lines("v02-credits-nordea-style").get(0);
        assertThat(structured.remittance()).isEqualTo("**** ****** *1001");
        assertThat(lines("v08-batched").get(1).remittance()).endsWith(" | ************1234");
    }

    @Test
    void aSingleDetailIsTheEntrysBookedAmount() {
        assertThat(lines("v08-foreign-currency").get(0).amount().toString()).contains("35.412").contains("KWD");
    }

    @Test
    void matchingPostsToOneKnownAccountAndExplainsEveryOtherDecision() {
        List<TransferLine> batched = lines("v08-batched");
        Set<String> known = Set.of("4000123456789010", "5123450000001234");

        TransferLine first = TransferMatching.decide(batched.get(0), known);
        assertThat(first.outcome()).isEqualTo(Outcome.POST);
        assertThat(first.accountNumber()).isEqualTo("4000123456789010");
        assertThat(first.reason()).isEqualTo("USTRD");
        TransferLine both = TransferMatching.decide(batched.get(2), known);
        assertThat(both.outcome()).isEqualTo(Outcome.SUSPENSE);
        assertThat(both.reason()).isEqualTo("AMBIGUOUS");
        assertThat(both.detail()).contains("2 known accounts").contains("************9010").doesNotContain("4000123456789010");
        assertThat(TransferMatching.decide(batched.get(3), known).reason()).isEqualTo("NO_NUMBER");
        assertThat(TransferMatching.decide(batched.get(0), Set.of()).reason()).isEqualTo("UNKNOWN_NUMBER");

        // no bank reference: held even when the remittance names an account, with the account as a hint
        TransferLine noReference = TransferMatching.decide(lines("v08-missing-acctsvcrref").get(0), known);
        assertThat(noReference.outcome()).isEqualTo(Outcome.SUSPENSE);
        assertThat(noReference.reason()).isEqualTo("NO_BANK_REFERENCE");
        assertThat(noReference.detail()).contains("************1234");
        // an entry without details is matched on AddtlNtryInf
        assertThat(lines("v02-credits-nordea-style").get(2).unstructured()).containsExactly("MONTHLY ACCOUNT FEE");
    }
}

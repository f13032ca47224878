package kw.billpay.core.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.time.LocalDate;
import java.util.List;
import kw.billpay.core.collection.ResultMatching.Match;
import kw.billpay.core.collection.ResultMatching.Request;
import kw.billpay.core.collection.ResultMatching.Result;
import kw.billpay.core.collection.ResultMatching.State;
import kw.billpay.core.collection.ResultMatching.Unexpected;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

class ResultMatchingTest {

    private static final LocalDate NOV27 = LocalDate.parse("2026-11-27");
    private static final LocalDate NOV28 = LocalDate.parse("2026-11-28");
    private static final String ACCOUNT = "376612345678901";
    private static final Money ASKED = kwd("25.000");

    private static Money kwd(String amount) {
        return new Money(new BigDecimal(amount), Currency.getInstance("KWD"));
    }

    private static Request request(long id, LocalDate date, State state) {
        return new Request(id, "NBK", "MND-1", date, ACCOUNT, ASKED, state);
    }

    private static Result collected(LocalDate date, String amount) {
        return new Result("NBK", "MND-1", ACCOUNT, kwd(amount), date, true);
    }

    @Test
    void aCollectionAsAskedAnswersItsRequest() {
        Match match = new ResultMatching(List.of(request(1, NOV27, State.PENDING))).match(collected(NOV27, "25.000"));
        assertThat(match).isEqualTo(new Match(request(1, NOV27, State.PENDING), null));
    }

    @Test
    void anotherAmountOrAnotherAccountIsUnexpected() {
        assertThat(new ResultMatching(List.of(request(1, NOV27, State.PENDING))).match(collected(NOV27, "30.000")).unexpected())
                .isEqualTo(Unexpected.OTHER_AMOUNT);
        assertThat(new ResultMatching(List.of(request(1, NOV27, State.PENDING)))
                .match(new Result("NBK", "MND-1", "376600000000001", ASKED, NOV27, true)).unexpected()).isEqualTo(Unexpected.OTHER_ACCOUNT);
    }

    /** The request file asks in KWD: the same digits in another currency are another amount, never the one asked. */
    @Test
    void theSameDigitsInAnotherCurrencyAreAnotherAmount() {
        Money usd = new Money(new BigDecimal("25.00"), Currency.getInstance("USD"));
        assertThat(new ResultMatching(List.of(request(1, NOV27, State.PENDING)))
                .match(new Result("NBK", "MND-1", ACCOUNT, usd, NOV27, true)))
                .isEqualTo(new Match(request(1, NOV27, State.PENDING), Unexpected.OTHER_AMOUNT));
    }

    /** A bank answers only what was asked of it: another bank's line leaves this bank's request open. */
    @Test
    void aLineFromAnotherBankAnswersNoneOfThisBanksRequests() {
        ResultMatching matching = new ResultMatching(List.of(request(1, NOV27, State.PENDING)));
        assertThat(matching.match(new Result("KFH", "MND-1", ACCOUNT, ASKED, NOV27, true)))
                .isEqualTo(new Match(null, Unexpected.NO_OPEN_REQUEST));
        assertThat(matching.match(new Result("KFH", "MND-1", ACCOUNT, ASKED, NOV27, false))).isEqualTo(new Match(null, null));
        assertThat(matching.match(collected(NOV27, "25.000"))).as("still open for its own bank")
                .isEqualTo(new Match(request(1, NOV27, State.PENDING), null));
    }

    @Test
    void aMandateWithNoOpenRequestIsUnexpected() {
        assertThat(new ResultMatching(List.of()).match(collected(NOV27, "25.000"))).isEqualTo(new Match(null, Unexpected.NO_OPEN_REQUEST));
        assertThat(new ResultMatching(List.of(request(1, NOV27, State.NOT_COLLECTED))).match(collected(NOV27, "25.000")))
                .isEqualTo(new Match(null, Unexpected.NO_OPEN_REQUEST));
    }

    /** The bank reports the same collection twice (in one file or two): the second is a duplicate collection. */
    @Test
    void theSameCollectionReportedTwiceIsUnexpectedTheSecondTime() {
        ResultMatching matching = new ResultMatching(List.of(request(1, NOV27, State.PENDING)));
        assertThat(matching.match(collected(NOV27, "25.000")).unexpected()).isNull();
        assertThat(matching.match(collected(NOV27, "25.000"))).isEqualTo(new Match(null, Unexpected.NO_OPEN_REQUEST));
    }

    /** The 28th re-presented a request of the 27th that had no result yet, and the bank collected both. */
    @Test
    void aSecondCollectionInTheSameMonthIsUnexpected() {
        ResultMatching matching = new ResultMatching(List.of(request(1, NOV27, State.PENDING), request(2, NOV28, State.PENDING)));
        assertThat(matching.match(collected(NOV27, "25.000"))).isEqualTo(new Match(request(1, NOV27, State.PENDING), null));
        assertThat(matching.match(collected(NOV28, "25.000")))
                .isEqualTo(new Match(request(2, NOV28, State.PENDING), Unexpected.ALREADY_COLLECTED));
    }

    /**
     * December's collection reported again (another file) while November's request never had an answer: a duplicate,
     * never November's; November's own line still finds it.
     */
    @Test
    void aRepeatNeverAnswersAnOlderRequestLeftOpen() {
        LocalDate dec27 = LocalDate.parse("2026-12-27");
        ResultMatching matching = new ResultMatching(List.of(request(1, NOV27, State.PENDING), request(2, dec27, State.PENDING)));
        assertThat(matching.match(collected(dec27, "25.000")).request().id()).isEqualTo(2);
        assertThat(matching.match(collected(dec27, "25.000"))).isEqualTo(new Match(null, Unexpected.NO_OPEN_REQUEST));
        assertThat(matching.match(collected(NOV27, "25.000"))).isEqualTo(new Match(request(1, NOV27, State.PENDING), null));
    }

    /** The bank debited the 28th's request after the month's end: it still answers it. */
    @Test
    void aLateDebitAcrossTheMonthsEndAnswersItsRequest() {
        ResultMatching matching = new ResultMatching(List.of(request(1, NOV27, State.NOT_COLLECTED), request(2, NOV28, State.PENDING)));
        assertThat(matching.match(collected(LocalDate.parse("2026-12-01"), "25.000")))
                .isEqualTo(new Match(request(2, NOV28, State.PENDING), null));
    }

    @Test
    void aResultDatedOtherwiseAnswersTheLatestOpenRequestBeforeIt() {
        ResultMatching matching = new ResultMatching(List.of(request(1, NOV27, State.PENDING)));
        assertThat(matching.match(collected(NOV28, "25.000")).request().id()).isEqualTo(1);
        ResultMatching notYet = new ResultMatching(List.of(request(2, NOV28, State.PENDING)));
        assertThat(notYet.match(collected(NOV27, "25.000")).request()).isNull();
    }

    @Test
    void aNotCollectedLineAnswersItsRequestAndIsNeverFlagged() {
        ResultMatching matching = new ResultMatching(List.of(request(1, NOV27, State.PENDING)));
        assertThat(matching.match(new Result("NBK", "MND-1", ACCOUNT, ASKED, NOV27, false))).isEqualTo(new Match(request(1, NOV27, State.PENDING), null));
        assertThat(matching.match(new Result("NBK", "MND-1", ACCOUNT, ASKED, NOV27, false))).isEqualTo(new Match(null, null));
    }
}

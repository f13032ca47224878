package kw.billpay.console;

import static kw.billpay.console.ConsoleSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/** What the teller's payment form says when it is refused. */
class TellerFormMessagesTest extends GatewayIntegrationTest {

    /**
     * An Arabic page writes numbers with the digits every amount on the console uses (0-9, as the tellers' slips and the
     * issuer's systems do), and an amount inside an Arabic sentence is isolated left to right, so that "0.500 KWD" never
     * reads "KWD 0.500".
     */
    @Test
    void aNumberInAnArabicSentenceKeepsItsDigitsAndAnAmountItsDirection() {
        ConsoleSession.PaymentForm form = ConsoleSession.paymentForm(port, newAccount("KWD"), "ar");

        assertThat(form.preview("method=CASH&currency=KWD&amount=1.2345")).contains("بخانات عشرية لا تزيد على 3.")
                .doesNotContain("٣");
        assertThat(form.preview("method=CASH&currency=KWD&amount=1.000&" + enc("pieces[KWD_500]") + "=1"))
                .contains("مجموع النقد المعدود \u20660.500 KWD\u2069 لا يساوي المبلغ \u20661.000 KWD\u2069");
    }

    /** R5: a KNET card at the counter pays in KWD; the form says so before anything reaches the branch channel. */
    @Test
    void aKnetCardInUsdIsRefusedByTheForm() {
        String account = newAccount("KWD");
        ConsoleSession.PaymentForm form = ConsoleSession.paymentForm(port, account, "en");

        assertThat(form.preview("method=POS_KNET&currency=USD&amount=10.00&posReference=POS-1"))
                .contains("A KNET card pays in KWD only.");
        assertThat(jdbc.queryForObject("select count(*) from payment where account_number = ?", Integer.class, account))
                .isZero();
    }
}

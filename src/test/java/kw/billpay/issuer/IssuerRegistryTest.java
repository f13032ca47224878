package kw.billpay.issuer;

import kw.billpay.core.issuer.Issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Map;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssuerRegistryTest {

    private static final String VALID = """
            id: test-issuer
            name: Test Issuer
            currencies: [KWD, USD]
            allocationOrder: [PREVIOUS_FEES, CURRENT_PURCHASES]
            onlinePayment:
              minimum: {amount: "3.000", currency: KWD}
            creditBalanceRefundAbove: {amount: "50000.00", currency: USD}
            minimumDue:
              percent: "5"
              floors: {KWD: "15.000", USD: "50.00"}
            """;

    @TempDir
    Path dir;

    @Test
    void theShippedReferenceIssuerHasTheAgreementsOrder() {
        Issuer amex = IssuerRegistry.load(Path.of("config/issuers")).get("amex-kw");

        assertThat(amex.name()).isEqualTo("American Express Kuwait");
        assertThat(amex.allocationOrder().buckets()).containsExactly(
                Bucket.PREVIOUS_FEES, Bucket.PREVIOUS_CASH, Bucket.PREVIOUS_PURCHASES, Bucket.PREVIOUS_INSTALMENTS,
                Bucket.CURRENT_INSTALMENTS, Bucket.CURRENT_FEES, Bucket.CURRENT_CASH, Bucket.CURRENT_PURCHASES,
                Bucket.UNBILLED);
        assertThat(amex.currencies()).containsExactlyInAnyOrder(Currency.getInstance("KWD"), Currency.getInstance("USD"));
        assertThat(amex.onlineMinimum()).isEqualTo(Money.of("3.000", "KWD"));
        assertThat(amex.onlineMaximum()).isEqualTo(Money.of("5000.000", "KWD"));
        assertThat(amex.creditBalanceRefundAbove()).isEqualTo(Money.of("50000.00", "USD"));
    }

    @Test
    void anIssuerMayLeaveBucketsOutAndHaveNoMaximum() throws IOException {
        write("test-issuer.yml", VALID);

        Issuer issuer = IssuerRegistry.load(dir).get("test-issuer");

        assertThat(issuer.allocationOrder().includes(Bucket.UNBILLED)).isFalse();
        assertThat(issuer.onlineMaximum()).isNull();
        assertThat(issuer.minimumDueFloor(Currency.getInstance("USD"))).isEqualTo(Money.of("50.00", "USD"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown bucket         | PREVIOUS_FEES, CURRENT_PURCHASES]  | PREVIOUS_FEES, OLD_STUFF]            | unknown bucket 'OLD_STUFF'
            bucket listed twice    | PREVIOUS_FEES, CURRENT_PURCHASES]  | PREVIOUS_FEES, PREVIOUS_FEES]        | PREVIOUS_FEES is listed twice
            unknown currency       | currencies: [KWD, USD]             | currencies: [KWD, XYZ]               | unknown currency 'XYZ'
            lower-case currency    | currencies: [KWD, USD]             | currencies: [KWD, usd]               | unknown currency 'usd'
            empty order            | [PREVIOUS_FEES, CURRENT_PURCHASES] | []                                   | allocationOrder: at least one bucket
            bad minimum amount     | amount: "3.000"                    | amount: "3.0001"                     | onlinePayment.minimum
            id not the file name   | id: test-issuer                    | id: other-issuer                     | must match the file name
            unknown key            | name: Test Issuer                  | name: Test Issuer\\nfavouriteColour: blue | favouriteColour
            floor in bad currency  | {KWD: "15.000", USD: "50.00"}      | {KWD: "15.000", XYZ: "50.00"}        | unknown currency 'XYZ'
            """)
    void aBrokenFileStopsTheGatewayNamingTheFileAndTheRule(String rule, String from, String to, String message) throws IOException {
        write("test-issuer.yml", VALID.replace(from.strip(), to.strip().replace("\\n", "\n")));

        assertThatThrownBy(() -> IssuerRegistry.load(dir))
                .isInstanceOf(InvalidIssuerConfigException.class)
                .hasMessageContaining("test-issuer.yml")
                .hasMessageContaining(message);
    }

    /** CONTRACT "Issuers": a file with only the contract's keys is valid, exactly as the contract shows it. */
    private static final String CONTRACT_SAMPLE = """
            id: amex-kw
            name: American Express Kuwait
            currencies: [KWD, USD]            # billing currencies of its accounts
            allocationOrder: [PREVIOUS_FEES, PREVIOUS_CASH, PREVIOUS_PURCHASES, PREVIOUS_INSTALMENTS,
                              CURRENT_INSTALMENTS, CURRENT_FEES, CURRENT_CASH, CURRENT_PURCHASES, UNBILLED]
            onlinePayment:
              minimum: {amount: "3.000", currency: KWD}
              maximum: {amount: "5000.000", currency: KWD}    # optional
            creditBalanceRefundAbove: {amount: "50000.00", currency: USD}
            """;

    @Test
    void theContractsSampleLoadsWithTheDocumentedDefaults() throws IOException {
        write("amex-kw.yml", CONTRACT_SAMPLE);

        Issuer issuer = IssuerRegistry.load(dir).get("amex-kw");

        assertThat(issuer.onlineMaximum()).isEqualTo(Money.of("5000.000", "KWD"));
        assertThat(issuer.minimumDuePercent()).isEqualByComparingTo("5");
        assertThat(issuer.minimumDueFloor(Currency.getInstance("KWD"))).isEqualTo(Money.of("15.000", "KWD"));
        assertThat(issuer.minimumDueFloor(Currency.getInstance("USD"))).isEqualTo(Money.of("50.00", "USD"));
    }

    @Test
    void aBillingCurrencyWithoutAFloorUsesR15sOrNone() throws IOException {
        write("test-issuer.yml", VALID.replace("[KWD, USD]", "[KWD, USD, SAR, EUR]").replace("{KWD: \"15.000\", USD: \"50.00\"}", "{KWD: \"20.000\"}"));

        Issuer issuer = IssuerRegistry.load(dir).get("test-issuer");

        assertThat(issuer.minimumDueFloor(Currency.getInstance("KWD"))).as("the file's").isEqualTo(Money.of("20.000", "KWD"));
        assertThat(issuer.minimumDueFloor(Currency.getInstance("USD"))).isEqualTo(Money.of("50.00", "USD"));
        assertThat(issuer.minimumDueFloor(Currency.getInstance("SAR"))).isEqualTo(Money.of("100.00", "SAR"));
        assertThat(issuer.minimumDueFloor(Currency.getInstance("EUR"))).as("none").isEqualTo(Money.zero(Currency.getInstance("EUR")));
    }

    @Test
    void anUnreadableFileIsRefused() throws IOException {
        write("test-issuer.yml", "id: [unclosed");

        assertThatThrownBy(() -> IssuerRegistry.load(dir))
                .isInstanceOf(InvalidIssuerConfigException.class)
                .hasMessageContaining("test-issuer.yml");
    }

    @Test
    void aDirectoryWithoutIssuersIsRefused() {
        assertThatThrownBy(() -> IssuerRegistry.load(dir)).hasMessageContaining("no issuer file");
        assertThatThrownBy(() -> IssuerRegistry.load(dir.resolve("missing"))).hasMessageContaining("does not exist");
    }

    @Test
    void filesAreLoadedByName() throws IOException {
        write("test-issuer.yml", VALID);
        write("second.yml", VALID.replace("id: test-issuer", "id: second"));
        write(".hidden.yml", "not: an issuer");

        Map<String, Issuer> issuers = IssuerRegistry.load(dir);

        assertThat(issuers).containsOnlyKeys("test-issuer", "second");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}

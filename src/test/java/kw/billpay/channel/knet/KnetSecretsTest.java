package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tranportal's id and password never reach what the gateway stores of a callback. */
class KnetSecretsTest {

    private final KnetSecrets secrets = new KnetSecrets("demo-tranportal", "demo-password");

    @Test
    void theGatewaysOwnRequestIsKeptWithoutItsCredentials() {
        String request = "id=demo-tranportal&password=demo-password&action=1&amt=10.000&trackid=T1"
                + "&responseURL=http%3A%2F%2Flocalhost%2Fknet%2Fresponse&udf3=";

        assertThat(secrets.maskQuery(request)).isEqualTo("id=****&password=****&action=1&amt=10.000&trackid=T1"
                + "&responseURL=http%3A%2F%2Flocalhost%2Fknet%2Fresponse&udf3=");
    }

    @Test
    void aSecretUnderAnotherNameOrInsideAValueIsMasked() {
        assertThat(secrets.maskQuery("PASSWORD=x&note=the+demo-password+here&who=demo%2Dtranportal&other=demo-tranportal"))
                .isEqualTo("PASSWORD=****&note=the+****+here&who=****&other=****");
    }

    @Test
    void formFieldsAreMaskedButTheCiphertextIsKept() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("trandata", "00ff");
        form.put("tranportalId", "demo-tranportal");
        form.put("Password", "anything");
        form.put("ErrorText", "wrong password demo-password");
        form.put("paymentid", "100200300400500");

        assertThat(secrets.mask(form)).containsExactly(Map.entry("trandata", "00ff"), Map.entry("tranportalId", "****"),
                Map.entry("Password", "****"), Map.entry("ErrorText", "wrong password ****"),
                Map.entry("paymentid", "100200300400500"));
    }

    @Test
    void aNumericIdIsMaskedAsAValueButNotInsideKnetsNumbers() {
        KnetSecrets numeric = new KnetSecrets("134501", "134501pg");

        assertThat(numeric.maskQuery("paymentid=100134501200&tranid=134501&x=134501pg"))
                .isEqualTo("paymentid=100134501200&tranid=****&x=****");
    }
}

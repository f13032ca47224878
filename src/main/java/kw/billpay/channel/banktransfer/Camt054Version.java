package kw.billpay.channel.banktransfer;

import java.util.Optional;

/**
 * The camt.054 (BankToCustomerDebitCreditNotification) versions the gateway reads (CONTRACT "Bank transfers": 001.02 to
 * 001.08). A file says its version only in its document namespace, {@code urn:iso:std:iso:20022:tech:xsd:camt.054.001.NN}.
 */
public enum Camt054Version {
    V02, V03, V04, V05, V06, V07, V08;

    static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.";

    /** E.g. {@code urn:iso:std:iso:20022:tech:xsd:camt.054.001.08}. */
    public String namespace() {
        return NAMESPACE_PREFIX + name().substring(1);
    }

    /** E.g. {@code 001.08}, as a bank's implementation guide names the version. */
    public String label() {
        return "001." + name().substring(1);
    }

    /** The version whose namespace this is, if it is one of the supported ones. */
    public static Optional<Camt054Version> fromNamespace(String namespace) {
        for (Camt054Version version : values()) {
            if (version.namespace().equals(namespace)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}

package kw.billpay.core.collection;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Kuwaiti IBANs (ISO 13616): {@code KW}, two check digits, a four-letter bank code and 22 letters or digits, 30
 * characters in all, whose check digits make the number mod 97 equal 1.
 */
public final class Iban {

    private static final Pattern KUWAITI = Pattern.compile("KW[0-9]{2}[A-Z]{4}[A-Z0-9]{22}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    /** Upper case, no spaces (the electronic format); a printed IBAN's groups of four are not accepted. */
    public static boolean isValidKuwaiti(String iban) {
        return iban != null && KUWAITI.matcher(iban).matches() && mod97(iban) == 1;
    }

    /**
     * ISO 13616's check: the first four characters moved to the end, each letter replaced by two digits (A = 10 …
     * Z = 35), the number taken mod 97.
     */
    static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}

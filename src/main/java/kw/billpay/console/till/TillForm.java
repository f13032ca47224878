package kw.billpay.console.till;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The teller's blind count as posted: cash as pieces per denomination, every other tender as a number of instruments
 * and their total, keyed {@code CHEQUE_KWD}, {@code POS_KNET_USD}…
 */
public class TillForm {

    private Map<String, Integer> pieces = new LinkedHashMap<>();
    private Map<String, Integer> counts = new LinkedHashMap<>();
    private Map<String, String> amounts = new LinkedHashMap<>();

    public Map<String, Integer> getPieces() {
        return pieces;
    }

    public void setPieces(Map<String, Integer> pieces) {
        this.pieces = pieces;
    }

    public Map<String, Integer> getCounts() {
        return counts;
    }

    public void setCounts(Map<String, Integer> counts) {
        this.counts = counts;
    }

    public Map<String, String> getAmounts() {
        return amounts;
    }

    public void setAmounts(Map<String, String> amounts) {
        this.amounts = amounts;
    }
}

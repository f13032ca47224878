package kw.billpay.console.till;

import java.util.LinkedHashMap;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;

/**
 * The teller's blind count as posted: cash as pieces per denomination, every other tender as a number of instruments
 * and their total, keyed {@code CHEQUE_KWD}, {@code POS_KNET_USD}…
 */
@Getter
@Setter
public class TillForm {

    private Map<String, Integer> pieces = new LinkedHashMap<>();
    private Map<String, Integer> counts = new LinkedHashMap<>();
    private Map<String, String> amounts = new LinkedHashMap<>();
}

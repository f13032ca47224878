package kw.billpay.channel.branch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import kw.billpay.core.payment.PaymentMethod;
import kw.billpay.web.MoneyJson;

/**
 * Body of {@code POST /api/v1/branch/payments} (CONTRACT "Branch payments").
 *
 * @param institution where the payment is taken; a teller's own when left out (the counter configured with the user)
 * @param branch      likewise
 */
public record BranchPaymentRequest(
        @NotNull String accountNumber,
        @NotNull BranchMethod method,
        @NotNull MoneyJson amount,
        Institution institution,
        @Size(min = 1, max = 40) @Pattern(regexp = BRANCH_NAME, message = "must be letters, digits, spaces, '_' or '-'") String branch,
        @Valid Cheque cheque,
        @Size(min = 1, max = 64) String posReference) {

    /** A branch's name: letters, digits, spaces, '_' or '-', starting with a letter or digit (at most 40). */
    public static final String BRANCH_NAME = "[A-Za-z0-9][A-Za-z0-9 _-]{0,39}";

    /** The methods a branch takes (DOMAIN R20). */
    public enum BranchMethod {
        CASH, CHEQUE, DEMAND_DRAFT, POS_KNET;

        PaymentMethod paymentMethod() {
            return PaymentMethod.valueOf(name());
        }
    }

    /** Where the teller works: the issuer's own office or a partner bank's branch (DOMAIN R20). */
    public enum Institution { AMEX, GBK, AUB }

    public record Cheque(
            @NotBlank @Size(max = Cheque.NUMBER_MAX) @Pattern(regexp = Cheque.NUMBER_CHARACTERS,
                    message = "must be letters and digits") String number,
            @NotBlank @Size(max = 40) String bank,
            @NotNull LocalDate date) {
        /** A cheque or draft number: letters and digits, at most {@value #NUMBER_MAX} (also what the console looks for). */
        public static final String NUMBER_CHARACTERS = "[0-9A-Za-z]+";
        public static final int NUMBER_MAX = 20;
    }
}

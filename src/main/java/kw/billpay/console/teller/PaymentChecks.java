package kw.billpay.console.teller;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import kw.billpay.channel.branch.BranchPaymentRequest;
import kw.billpay.channel.branch.BranchPaymentRequest.BranchMethod;
import kw.billpay.channel.branch.BranchPaymentRequest.Cheque;
import kw.billpay.console.Problems.Problem;
import kw.billpay.console.Shown;
import kw.billpay.core.Refusal;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.web.MoneyJson;
import kw.billpay.web.RequestValues;
import org.springframework.stereotype.Component;

/**
 * Turns the teller's form into the very request the JSON API takes ({@link BranchPaymentRequest}, checked by the
 * same bean constraints), with what the counter needs on top: the cash counted by denomination must add up to the
 * amount, a cheque names its drawer, a POS payment its KNET reference.
 */
@Component
class PaymentChecks {

    private final Validator validator;

    PaymentChecks(Validator validator) {
        this.validator = validator;
    }

    /** A form that passed: the API's request, and the drawer of a cheque or draft (kept in the payment's history). */
    record Checked(BranchPaymentRequest request, String drawer) { }

    /** The form's problems, each a message key with its arguments. */
    static final class FormProblems extends RuntimeException {
        private final List<Problem> problems;

        FormProblems(List<Problem> problems) {
            super(problems.toString(), null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    Checked check(PaymentForm form, String accountNumber, TellerDesk desk) {
        List<Problem> problems = new ArrayList<>();
        BranchMethod method = parseMethod(form.getMethod());
        if (method == null) {
            problems.add(Problem.of("form.error.method"));
        }
        String currency = CashCount.currencies().contains(form.getCurrency()) ? form.getCurrency() : null;
        if (currency == null) {
            problems.add(Problem.of("form.error.currency"));
        }
        Money amount = null;
        if (currency != null) {
            try {
                amount = RequestValues.amount("amount", trimmed(form.getAmount()), Currencies.parse(currency), true);
            } catch (Refusal refused) {
                // a String: a number argument would be written in the page language's digits
                problems.add(Problem.of("form.error.amount", String.valueOf(Currencies.minorUnits(Currencies.parse(currency)))));
            }
        }
        Cheque cheque = null;
        String drawer = null;
        if (method != null && form.isCheque()) {
            cheque = cheque(form, problems);
            drawer = trimmed(form.getChequeDrawer());
            if (drawer == null || drawer.length() > 100) {
                problems.add(Problem.of("form.error.drawer"));
            }
        }
        String posReference = method == BranchMethod.POS_KNET ? trimmed(form.getPosReference()) : null;
        if (method == BranchMethod.POS_KNET && posReference == null) {
            problems.add(Problem.of("form.error.posReference"));
        }
        if (method == BranchMethod.POS_KNET && currency != null && !currency.equals("KWD")) {
            problems.add(Problem.of("form.error.posCurrency")); // R5: KNET takes KWD only
        }
        if (method == BranchMethod.CASH && amount != null) {
            checkCashCount(form, currency, amount, problems);
        }
        if (!problems.isEmpty()) {
            throw new FormProblems(problems);
        }
        BranchPaymentRequest request = new BranchPaymentRequest(accountNumber, method,
                new MoneyJson(amount.toPlainString(), currency), desk.institution(), desk.branch(), cheque, posReference);
        for (ConstraintViolation<BranchPaymentRequest> violation : validator.validate(request)) {
            problems.add(Problem.of("form.error.field", violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new FormProblems(problems);
        }
        return new Checked(request, drawer);
    }

    private static void checkCashCount(PaymentForm form, String currency, Money amount, List<Problem> problems) {
        try {
            Money counted = CashCount.total(currency, form.getPieces());
            if (!counted.equals(amount)) {
                problems.add(Problem.of("form.error.cashCount", Shown.ltr(Shown.money(counted)), Shown.ltr(Shown.money(amount))));
            }
        } catch (IllegalArgumentException absurd) {
            problems.add(Problem.of("form.error.pieces"));
        }
    }

    private static Cheque cheque(PaymentForm form, List<Problem> problems) {
        String number = trimmed(form.getChequeNumber());
        String bank = trimmed(form.getChequeBank());
        if (number == null) {
            problems.add(Problem.of("form.error.chequeNumber"));
        }
        if (bank == null) {
            problems.add(Problem.of("form.error.chequeBank"));
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(String.valueOf(trimmed(form.getChequeDate())));
        } catch (DateTimeParseException e) {
            problems.add(Problem.of("form.error.chequeDate"));
        }
        return new Cheque(number, bank, date);
    }

    private static BranchMethod parseMethod(String method) {
        for (BranchMethod candidate : BranchMethod.values()) {
            if (candidate.name().equals(method)) {
                return candidate;
            }
        }
        return null;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

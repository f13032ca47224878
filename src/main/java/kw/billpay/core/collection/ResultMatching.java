package kw.billpay.core.collection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kw.billpay.core.money.Money;

/**
 * Matches the lines of a bank's result file to the requests they answer (CONTRACT "Direct-debit mandates and
 * collection runs"). A line answers its mandate's open request at the file's bank (no result yet) of the line's
 * collection date, or else the mandate's latest request at that bank dated on or before it, if that one is still open
 * (a bank may debit a day or two late): a bank answers only what was asked of it, and a line that repeats an answered
 * request never answers an older one left open. Lines are matched in the file's order, each seeing the requests as the
 * lines before it left them, so the same lines always match the same way.
 *
 * <p>A COLLECTED line is unexpected, and its payment flagged for review, when no request is open for it, when the
 * mandate was already collected that month (the 27th and the 28th both collected), or when the bank took another
 * amount (another currency included: the same digits in USD are not the KWD asked) or from another card account. It is posted all the same: the money was received (R8).
 */
public final class ResultMatching {

    public enum State { PENDING, COLLECTED, NOT_COLLECTED }

    public enum Unexpected { NO_OPEN_REQUEST, ALREADY_COLLECTED, OTHER_AMOUNT, OTHER_ACCOUNT }

    /** A request as the run wrote it, and its state. */
    public record Request(long id, String bank, String mandateRef, LocalDate collectionDate, String accountNumber,
                          Money amount, State state) {

        Request withState(State newState) {
            return new Request(id, bank, mandateRef, collectionDate, accountNumber, amount, newState);
        }
    }

    /**
     * A result line of a file from {@code bank}: {@code amount} (in the file's currency) and {@code collectionDate} are
     * null when the line's were unreadable.
     */
    public record Result(String bank, String mandateRef, String accountNumber, Money amount, LocalDate collectionDate,
                         boolean collected) { }

    /**
     * @param request    the request the line answers, as it was before; null when none was open
     * @param unexpected for a COLLECTED line that is not the collection asked for; null otherwise
     */
    public record Match(Request request, Unexpected unexpected) { }

    private final Map<String, List<Request>> byMandate = new HashMap<>();

    /** @param requests every request of the lines' mandates (others are ignored) */
    public ResultMatching(Collection<Request> requests) {
        requests.forEach(r -> byMandate.computeIfAbsent(r.mandateRef(), k -> new ArrayList<>()).add(r));
    }

    public Match match(Result result) {
        List<Request> requests = byMandate.getOrDefault(result.mandateRef(), List.of());
        Optional<Request> open = openRequestFor(requests, result.bank(), result.collectionDate());
        if (open.isEmpty()) {
            return new Match(null, result.collected() ? Unexpected.NO_OPEN_REQUEST : null);
        }
        Request request = open.get();
        Unexpected unexpected = null;
        if (result.collected()) {
            YearMonth month = YearMonth.from(request.collectionDate());
            if (requests.stream().anyMatch(r -> r.state() == State.COLLECTED && YearMonth.from(r.collectionDate()).equals(month))) {
                unexpected = Unexpected.ALREADY_COLLECTED;
            } else if (result.amount() == null || !result.amount().currency().equals(request.amount().currency())
                    || result.amount().compareTo(request.amount()) != 0) {
                unexpected = Unexpected.OTHER_AMOUNT;
            } else if (!request.accountNumber().equals(result.accountNumber())) {
                unexpected = Unexpected.OTHER_ACCOUNT;
            }
        }
        requests.set(requests.indexOf(request), request.withState(result.collected() ? State.COLLECTED : State.NOT_COLLECTED));
        return new Match(request, unexpected);
    }

    /**
     * The latest request at the bank dated on or before the line (a mandate has one request a date, so the line's own
     * day's when there is one), if it is still open: answered already, the line repeats that answer, and another
     * month's request left open never takes a collection that was not its own. An unreadable date: the latest open.
     */
    private static Optional<Request> openRequestFor(List<Request> requests, String bank, LocalDate date) {
        return requests.stream()
                .filter(r -> r.bank().equals(bank))
                .filter(r -> date == null ? r.state() == State.PENDING : !r.collectionDate().isAfter(date))
                .max(Comparator.comparing(Request::collectionDate))
                .filter(r -> r.state() == State.PENDING);
    }
}

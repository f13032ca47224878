package kw.billpay.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kw.billpay.account.AccountService;
import kw.billpay.collection.CollectionRepository.NewRequest;
import kw.billpay.collection.CollectionRepository.RunRow;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.Account;
import kw.billpay.core.collection.CollectionAmount;
import kw.billpay.core.collection.CollectionAmounts;
import kw.billpay.core.collection.CollectionCalendar;
import kw.billpay.core.collection.SkipReason;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * The steps of a collection run ({@code routes/collection.camel.yaml}). A run for a date happens once (R31, CONTRACT):
 * the date's run row is created once; its mandates are collected a page per transaction, the page's requests written
 * with the run's cursor, under the run row's lock, so a restart or a second instance goes on after the last page
 * committed and no mandate is asked twice; each bank's file is then written once ({@link RequestFiles}).
 */
@Component("collectionRuns")
@RequiredArgsConstructor
@Slf4j
public class CollectionRuns {

    private final CollectionRepository runs;
    private final MandateRepository mandates;
    private final AccountService accounts;
    private final FxRates rates;
    private final CollectionProperties properties;
    private final Clock clock;
    /** Runs this instance is working on: the schedule and a request for the same run do not both work it here. */
    private final Set<Long> working = ConcurrentHashMap.newKeySet();

    /** The date's run and whether this call created it. */
    public record Opened(RunRow run, boolean created) { }

    /**
     * The date's run: created now, or the one that exists. An INCOMPLETE run (a bank's folder could not be written) is
     * taken up again when {@code retryFailedFiles}: OPS asking again tries the failed banks once more.
     */
    public Opened open(LocalDate date, String actor, boolean retryFailedFiles) {
        if (!CollectionCalendar.isCollectionDate(date)) {
            throw Refusal.unprocessable("NOT_A_COLLECTION_DATE",
                    "date: " + date + " is not a collection date; runs are on the 27th and the 28th (R17)");
        }
        Optional<RunRow> created = runs.createRun(date, CollectionCalendar.presentation(date), actor, OffsetDateTime.now(clock));
        if (created.isPresent()) {
            log.info("collection run started: date={} presentation={} by={} run={}", date, created.get().presentation(),
                    actor, created.get().id());
            return new Opened(created.get(), true);
        }
        RunRow existing = runs.findRun(date).orElseThrow();
        if (retryFailedFiles && runs.reopen(existing.id())) {
            log.info("collection run taken up again for its failed files: date={} by={} run={}", date, actor, existing.id());
            existing = runs.run(existing.id());
        }
        return new Opened(existing, false);
    }

    /** The runs to work on now: today's scheduled run once its time has come, and every run left unfinished. */
    public List<Long> toDo() {
        if (properties.scheduleEnabled()) {
            CollectionCalendar.scheduledRunDue(ZonedDateTime.now(clock), properties.runAt())
                    .ifPresent(date -> open(date, "scheduler", false));
        }
        return runs.runsInProgress();
    }

    public boolean take(long runId) {
        return working.add(runId);
    }

    public void release(long runId) {
        working.remove(runId);
    }

    /** One item per page still to collect; the database says when none is left, so a resumed run skips what is done. */
    public Iterator<Long> pages(long runId) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !runs.run(runId).collectedAll();
            }

            @Override
            public Long next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return runId;
            }
        };
    }

    /**
     * Collects the run's next page in the route's transaction ({@code collection-page}): the mandates after the
     * cursor, their accounts as every payment committed to them left them (a payment posting now is waited for, R30),
     * each one's amount (R15-R17, R30), the requests and the cursor written together.
     */
    public void collect(long runId) {
        RunRow run = runs.lockRun(runId);
        if (run.collectedAll()) {
            return;
        }
        int size = properties.pageSize();
        List<Mandate> page = run.presentation() == 1 ? mandates.activePage(run.lastMandateRef(), size)
                : runs.rePresentPage(CollectionCalendar.firstPresentation(run.collectionDate()), run.lastMandateRef(), size);
        Map<String, Account> settled = accounts.settled(page.stream().map(Mandate::accountNumber).toList());
        FxRates pageRates = cached(rates);
        OffsetDateTime at = OffsetDateTime.now(clock);
        List<NewRequest> requests = new ArrayList<>(page.size());
        Map<SkipReason, Integer> skipped = new HashMap<>();
        for (Mandate mandate : page) {
            Account account = settled.get(mandate.accountNumber());
            CollectionAmount amount = account == null ? new CollectionAmount.Skip(SkipReason.ACCOUNT_NOT_OPEN)
                    : CollectionAmounts.due(mandate.type(), account, pageRates, at);
            if (amount instanceof CollectionAmount.Collect collect) {
                requests.add(new NewRequest(runId, run.collectionDate(), mandate, collect.asked().amount(),
                        collect.billed().amount(), collect.billed().currency().getCurrencyCode(), collect.rate()));
            } else {
                skipped.merge(((CollectionAmount.Skip) amount).reason(), 1, Integer::sum);
            }
        }
        runs.insertRequests(requests);
        runs.advance(runId, page.isEmpty() ? null : page.get(page.size() - 1).mandateRef(), page.size() < size,
                page.size(), requests.size(), skipped.getOrDefault(SkipReason.NOTHING_DUE, 0),
                skipped.getOrDefault(SkipReason.ACCOUNT_NOT_OPEN, 0), skipped.getOrDefault(SkipReason.NO_FX_RATE, 0));
    }

    /** The run's files still to write, once every page is collected: one per bank with something to collect. */
    public List<RequestFiles.Target> files(long runId) {
        RunRow run = runs.run(runId);
        runs.createFiles(runId, run.collectionDate().format(RequestFiles.DATE));
        return runs.files(runId).stream().filter(f -> !f.status().equals("WRITTEN"))
                .map(f -> new RequestFiles.Target(runId, f.bank(), run.collectionDate())).toList();
    }

    /** COMPLETED when every bank's file is written; INCOMPLETE, and reported, when a bank's folder could not be. */
    public void finish(long runId) {
        List<CollectionRepository.FileRow> files = runs.files(runId);
        boolean written = files.stream().allMatch(f -> f.status().equals("WRITTEN"));
        runs.finish(runId, written ? "COMPLETED" : "INCOMPLETE", OffsetDateTime.now(clock));
        RunRow run = runs.run(runId);
        BigDecimal sum = files.stream().map(CollectionRepository.FileRow::controlSum).reduce(BigDecimal.ZERO, BigDecimal::add);
        log.info("collection run finished: date={} status={} mandates={} requested={} sum={} KWD files={} failed={} "
                        + "nothingDue={} notOpen={} noFxRate={} run={}", run.collectionDate(), run.status(),
                run.mandatesSeen(), run.requested(), sum.toPlainString(), files.size(),
                files.stream().filter(f -> f.status().equals("FAILED")).map(CollectionRepository.FileRow::bank).toList(),
                run.skippedNothingDue(), run.skippedNotOpen(), run.skippedNoRate(), runId);
    }

    /** A page asks for the same one or two rates many times: each is read once per page. */
    private static FxRates cached(FxRates rates) {
        Map<List<Object>, Optional<FxRate>> cache = new HashMap<>();
        return (from, to, at) -> cache.computeIfAbsent(List.of(from, to, at), k -> rates.rateAt(from, to, at));
    }
}

package kw.billpay.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kw.billpay.core.Refusal;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Collection runs by hand and in view (OPS; CONTRACT "Direct-debit mandates and collection runs"). */
@RestController
@RequestMapping("/api/v1/direct-debit/collection-runs")
@RequiredArgsConstructor
class CollectionRunController {

    private final CollectionRuns runs;
    private final CollectionRepository repository;
    private final CollectionRunRoute background;
    private final Clock clock;

    record RunRequest(LocalDate date) { }

    /**
     * Starts the date's run, worked in the background: 202 with the new run. A run that exists is answered as it is
     * (200), never started twice; one whose bank folder could not be written tries those banks again.
     */
    @PostMapping
    ResponseEntity<RunView> start(@RequestBody RunRequest request, Authentication caller) {
        if (request.date() == null) {
            throw Refusal.validation("date: is required, a date yyyy-MM-dd (the 27th or the 28th)");
        }
        CollectionRuns.Opened opened = runs.open(request.date(), caller.getName(), true);
        if (opened.run().status().equals("IN_PROGRESS")) {
            background.runInBackground(opened.run().id());
        }
        return ResponseEntity.status(opened.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(view(opened.run().id()));
    }

    /** Newest collection date first. */
    @GetMapping
    List<RunView> list(@RequestParam(defaultValue = "50") int limit) {
        RequestValues.requireLimit(limit);
        return repository.runs(limit).stream().map(r -> RunView.of(r, repository.files(r.id()), clock.getZone())).toList();
    }

    @GetMapping("/{date}")
    RunView one(@PathVariable LocalDate date) {
        return view(repository.findRun(date).orElseThrow(() -> Refusal.notFound("UNKNOWN_RUN",
                "no collection run for " + date)).id());
    }

    private RunView view(long runId) {
        return RunView.of(repository.run(runId), repository.files(runId), clock.getZone());
    }
}

package kw.billpay.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import kw.billpay.account.AccountService;
import kw.billpay.core.account.AccountNumbers;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mandates (CONTRACT "Direct-debit mandates and collection runs"): OPS puts them; staff read them. */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class MandateController {

    private static final int LAST_COLLECTIONS = 12;

    private final MandateService mandates;
    private final MandateRepository repository;
    private final CollectionRepository collections;
    private final AccountService accounts;
    private final ObjectMapper json;
    private final Clock clock;

    /** 201 created, 200 replaced (or unchanged); a refused request changes nothing. */
    @PutMapping("/mandates/{mandateRef}")
    ResponseEntity<MandateView> put(@PathVariable String mandateRef, @RequestBody MandateRequest request,
                                    Authentication caller) {
        MandateService.Saved saved = mandates.put(mandateRef, request, caller.getName());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(saved.mandate()));
    }

    @GetMapping("/mandates/{mandateRef}")
    MandateView get(@PathVariable String mandateRef) {
        return view(mandates.get(mandateRef));
    }

    @GetMapping("/accounts/{accountNumber}/mandates")
    List<MandateView> ofAccount(@PathVariable String accountNumber) {
        AccountNumbers.requireValid("accountNumber", accountNumber);
        accounts.get(accountNumber);
        return repository.ofAccount(accountNumber).stream().map(this::view).toList();
    }

    private MandateView view(Mandate mandate) {
        return MandateView.of(mandate, collections.lastRequests(mandate.mandateRef(), LAST_COLLECTIONS),
                repository.history(mandate.mandateRef()), json, clock.getZone());
    }
}

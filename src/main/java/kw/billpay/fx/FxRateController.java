package kw.billpay.fx;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.MoneyException;
import kw.billpay.core.money.MoneyParser;
import kw.billpay.posting.ReleasePendingFxRoute;
import kw.billpay.security.Caller;
import kw.billpay.core.Refusal;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/fx-rates")
@RequiredArgsConstructor
class FxRateController {

    private final FxRateRepository rates;
    private final ReleasePendingFxRoute pendingFx;
    private final TransactionTemplate transaction;

    record RatesRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid RateJson> rates) { }

    record RateJson(String from, String to, String rate, OffsetDateTime effectiveAt, String source) { }

    /** Stores the rates (all or none), then posts any received payment that was waiting for one of them. */
    @PutMapping
    Map<String, Object> put(@Valid @RequestBody RatesRequest request, Caller caller) {
        String defaultSource = caller.name();
        List<FxRate> parsed = new ArrayList<>();
        for (int i = 0; i < request.rates().size(); i++) {
            parsed.add(parse("rates[" + i + "]", request.rates().get(i), defaultSource));
        }
        transaction.executeWithoutResult(status -> parsed.forEach(rates::save));
        int released = Objects.requireNonNullElse(pendingFx.release(), 0); // null: nothing was held
        return Map.of("rates", parsed.stream().map(FxRateController::json).toList(), "postedPendingFx", released);
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of("rates", rates.all().stream().map(FxRateController::json).toList());
    }

    private static FxRate parse(String field, RateJson json, String defaultSource) {
        Currency from = RequestValues.currency(field + ".from", json.from());
        Currency to = RequestValues.currency(field + ".to", json.to());
        if (from.equals(to)) {
            throw Refusal.validation(field + ": from and to must differ");
        }
        if (json.rate() == null) {
            throw Refusal.validation(field + ".rate: is required");
        }
        if (json.effectiveAt() == null) {
            throw Refusal.validation(field + ".effectiveAt: is required (ISO-8601 with offset)");
        }
        if (json.source() != null && (json.source().isBlank() || json.source().length() > 100)) {
            throw Refusal.validation(field + ".source: 1 to 100 characters");
        }
        try {
            return new FxRate(from, to, MoneyParser.parseRate(json.rate()), json.effectiveAt(),
                    json.source() == null ? defaultSource : json.source());
        } catch (MoneyException e) {
            throw Refusal.invalid("INVALID_RATE", field + ".rate: " + e.getMessage());
        }
    }

    record FxRateView(String from, String to, String rate, OffsetDateTime effectiveAt, String source) { }

    static FxRateView json(FxRate rate) {
        return new FxRateView(rate.from().getCurrencyCode(), rate.to().getCurrencyCode(), rate.rate().toPlainString(),
                rate.effectiveAt(), rate.source());
    }
}

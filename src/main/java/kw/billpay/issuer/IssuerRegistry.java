package kw.billpay.issuer;

import kw.billpay.core.issuer.Issuer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import kw.billpay.core.allocation.AllocationOrder;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;
import kw.billpay.core.money.MoneyParser;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The issuers, read once at start from {@code GATEWAY_ISSUERS_DIR}. A file that cannot be read or breaks a rule
 * stops the gateway with a message naming the file and the rule (CONTRACT "Issuers").
 */
@Component
@Slf4j
public class IssuerRegistry {

    private final Map<String, Issuer> issuers;

    public IssuerRegistry(@Value("${gateway.issuers-dir}") Path issuersDir) {
        this.issuers = load(issuersDir);
        log.info("Loaded issuers {} from {}", issuers.keySet(), issuersDir.toAbsolutePath());
    }

    public Optional<Issuer> find(String id) {
        return Optional.ofNullable(issuers.get(id));
    }

    public Issuer get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("unknown issuer " + id));
    }

    public Collection<Issuer> all() {
        return issuers.values();
    }

    static Map<String, Issuer> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidIssuerConfigException(dir, "the issuers directory does not exist");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Issuer> loaded = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidIssuerConfigException(dir, "cannot list the directory: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidIssuerConfigException(dir, "no issuer file (<issuer-id>.yml) found");
        }
        for (Path file : files) {
            IssuerFile raw;
            try {
                raw = yaml.readValue(file.toFile(), IssuerFile.class);
            } catch (JsonMappingException e) {
                throw new InvalidIssuerConfigException(file, e.getOriginalMessage());
            } catch (IOException e) {
                throw new InvalidIssuerConfigException(file, "cannot read the file: " + e.getMessage());
            }
            if (raw == null) {
                throw new InvalidIssuerConfigException(file, "the file is empty");
            }
            Issuer issuer = toIssuer(file, raw);
            String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (!issuer.id().equals(expectedId)) {
                throw new InvalidIssuerConfigException(file, "id '" + issuer.id() + "' must match the file name '" + expectedId + "'");
            }
            if (loaded.put(issuer.id(), issuer) != null) {
                throw new InvalidIssuerConfigException(file, "issuer id '" + issuer.id() + "' is configured twice");
            }
        }
        return Map.copyOf(loaded);
    }

    private static Issuer toIssuer(Path file, IssuerFile raw) {
        String id = required(file, "id", raw.id());
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new InvalidIssuerConfigException(file, "id '" + id + "' must be lower-case letters, digits and dashes");
        }
        String name = required(file, "name", raw.name());
        if (raw.currencies() == null || raw.currencies().isEmpty()) {
            throw new InvalidIssuerConfigException(file, "currencies: at least one billing currency is required");
        }
        Set<Currency> currencies = new LinkedHashSet<>();
        for (String code : raw.currencies()) {
            Currency currency = currency(file, "currencies", code);
            if (!currencies.add(currency)) {
                throw new InvalidIssuerConfigException(file, "currencies: " + code + " is listed twice");
            }
        }
        AllocationOrder order = allocationOrder(file, raw.allocationOrder());
        if (raw.onlinePayment() == null) {
            throw new InvalidIssuerConfigException(file, "onlinePayment: is required (minimum, optional maximum)");
        }
        Money minimum = money(file, "onlinePayment.minimum", raw.onlinePayment().minimum(), true);
        Money maximum = raw.onlinePayment().maximum() == null ? null
                : money(file, "onlinePayment.maximum", raw.onlinePayment().maximum(), true);
        if (maximum != null && maximum.currency().equals(minimum.currency()) && maximum.compareTo(minimum) < 0) {
            throw new InvalidIssuerConfigException(file, "onlinePayment.maximum is below onlinePayment.minimum");
        }
        Money refundAbove = money(file, "creditBalanceRefundAbove", raw.creditBalanceRefundAbove(), true);
        BigDecimal percent = new BigDecimal("5");
        Map<Currency, Money> floors = new LinkedHashMap<>();
        if (raw.minimumDue() != null) {
            if (raw.minimumDue().percent() != null) {
                try {
                    percent = MoneyParser.parseRate(raw.minimumDue().percent());
                } catch (MoneyException e) {
                    throw new InvalidIssuerConfigException(file, "minimumDue.percent: " + e.getMessage());
                }
                if (percent.compareTo(new BigDecimal("100")) > 0) {
                    throw new InvalidIssuerConfigException(file, "minimumDue.percent must be at most 100");
                }
            }
            if (raw.minimumDue().floors() != null) {
                raw.minimumDue().floors().forEach((code, amount) -> {
                    Currency currency = currency(file, "minimumDue.floors", code);
                    floors.put(currency, money(file, "minimumDue.floors." + code, new IssuerFile.MoneyValue(amount, code), false));
                });
            }
        }
        for (Currency currency : currencies) {
            floors.putIfAbsent(currency, defaultFloor(currency));
        }
        return new Issuer(id, name, Set.copyOf(currencies), order, minimum, maximum, refundAbove, percent, Map.copyOf(floors));
    }

    /**
     * The floor of a billing currency the file names none for (README "Issuers"): R15's 50.00 USD and 100.00 SAR, this
     * gateway's 15.000 KWD; for any other currency none (zero), so the computed minimum is the percentage alone.
     */
    static Money defaultFloor(Currency currency) {
        return switch (currency.getCurrencyCode()) {
            case "USD" -> Money.of("50.00", "USD");
            case "SAR" -> Money.of("100.00", "SAR");
            case "KWD" -> Money.of("15.000", "KWD");
            default -> Money.zero(currency);
        };
    }

    private static AllocationOrder allocationOrder(Path file, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidIssuerConfigException(file, "allocationOrder: at least one bucket is required");
        }
        List<Bucket> buckets = new ArrayList<>();
        Set<Bucket> seen = EnumSet.noneOf(Bucket.class);
        for (String name : names) {
            Bucket bucket;
            try {
                bucket = Bucket.valueOf(String.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidIssuerConfigException(file, "allocationOrder: unknown bucket '" + name + "' (known: " + List.of(Bucket.values()) + ")");
            }
            if (!seen.add(bucket)) {
                throw new InvalidIssuerConfigException(file, "allocationOrder: bucket " + bucket + " is listed twice");
            }
            buckets.add(bucket);
        }
        return new AllocationOrder(buckets);
    }

    private static Money money(Path file, String key, IssuerFile.MoneyValue value, boolean positive) {
        if (value == null || value.amount() == null || value.currency() == null) {
            throw new InvalidIssuerConfigException(file, key + ": {amount, currency} is required");
        }
        Currency currency = currency(file, key + ".currency", value.currency());
        try {
            return positive ? MoneyParser.parsePositive(value.amount(), currency)
                    : MoneyParser.parseNonNegative(value.amount(), currency);
        } catch (MoneyException e) {
            throw new InvalidIssuerConfigException(file, key + ": " + e.getMessage());
        }
    }

    private static Currency currency(Path file, String key, String code) {
        try {
            return Currencies.parse(code);
        } catch (MoneyException e) {
            throw new InvalidIssuerConfigException(file, key + ": unknown currency '" + code + "'");
        }
    }

    private static String required(Path file, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidIssuerConfigException(file, key + ": is required");
        }
        return value;
    }

    /** The raw shape of an issuer file; every value is checked before it becomes an {@link Issuer}. */
    record IssuerFile(String id, String name, List<String> currencies, List<String> allocationOrder,
                      OnlinePayment onlinePayment, MoneyValue creditBalanceRefundAbove, MinimumDue minimumDue) {
        record MoneyValue(String amount, String currency) { }
        record OnlinePayment(MoneyValue minimum, MoneyValue maximum) { }
        record MinimumDue(String percent, Map<String, String> floors) { }
    }
}

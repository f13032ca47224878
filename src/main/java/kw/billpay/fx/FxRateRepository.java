package kw.billpay.fx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import kw.billpay.web.ZonedTimes;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The issuers' FX rates; rates are directional (a buying and a selling rate differ). */
@Repository
@RequiredArgsConstructor
public class FxRateRepository implements FxRates {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** The latest rate for the pair whose effective time is at or before {@code at} (CONTRACT "FX rates"). */
    @Override
    public Optional<FxRate> rateAt(Currency from, Currency to, OffsetDateTime at) {
        return jdbc.query("""
                select from_currency, to_currency, rate, effective_at, source from fx_rate
                where from_currency = ? and to_currency = ? and effective_at <= ?
                order by effective_at desc limit 1""", this::map, from.getCurrencyCode(), to.getCurrencyCode(), at)
                .stream().findFirst();
    }

    public void save(FxRate rate) {
        jdbc.update("""
                insert into fx_rate (from_currency, to_currency, effective_at, rate, source) values (?, ?, ?, ?, ?)
                on conflict (from_currency, to_currency, effective_at) do update set rate = excluded.rate, source = excluded.source""",
                rate.from().getCurrencyCode(), rate.to().getCurrencyCode(), rate.effectiveAt(), rate.rate(), rate.source());
    }

    public List<FxRate> all() {
        return jdbc.query("select from_currency, to_currency, rate, effective_at, source from fx_rate order by from_currency, to_currency, effective_at desc", this::map);
    }

    private FxRate map(ResultSet rs, int row) throws SQLException {
        return new FxRate(Currencies.parse(rs.getString("from_currency")), Currencies.parse(rs.getString("to_currency")),
                FxRate.quoted(rs.getBigDecimal("rate")),
                ZonedTimes.inZone(rs.getObject("effective_at", OffsetDateTime.class), clock.getZone()),
                rs.getString("source"));
    }
}

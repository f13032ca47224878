package kw.billpay.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.collection.MandateType;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Mandates and every change made to them (tables {@code mandate}, {@code mandate_change}). */
@Repository
@RequiredArgsConstructor
public class MandateRepository {

    static final String COLUMNS = "mandate_ref, account_number, bank, debtor_account, type, status, status_reason, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    /** One change of a mandate: who, when, what it was before (null when created) and after. */
    public record Change(OffsetDateTime changedAt, String actor, String change, String before, String after) { }

    public Optional<Mandate> find(String mandateRef) {
        return jdbc.query("select " + COLUMNS + " from mandate where mandate_ref = ?", MandateRepository::map, mandateRef)
                .stream().findFirst();
    }

    /** The mandate, its row locked until the transaction ends: two changes to it apply one after the other. */
    public Optional<Mandate> lock(String mandateRef) {
        return jdbc.query("select " + COLUMNS + " from mandate where mandate_ref = ? for update", MandateRepository::map,
                mandateRef).stream().findFirst();
    }

    public List<Mandate> ofAccount(String accountNumber) {
        return jdbc.query("select " + COLUMNS + " from mandate where account_number = ? order by created_at, mandate_ref",
                MandateRepository::map, accountNumber);
    }

    /** Active mandates after {@code afterRef} in reference order: a run's next page (keyset, so never all at once). */
    public List<Mandate> activePage(String afterRef, int limit) {
        return jdbc.query("select " + COLUMNS + " from mandate where status = 'ACTIVE' and mandate_ref > ? order by mandate_ref limit ?",
                MandateRepository::map, afterRef == null ? "" : afterRef, limit);
    }

    /**
     * Creates or replaces the mandate and records the change. The one-active-mandate-per-account index may refuse it
     * (DuplicateKeyException), and then nothing is written.
     */
    public void save(Mandate before, Mandate after, String actor, String change) {
        jdbc.update("""
                insert into mandate (mandate_ref, account_number, bank, debtor_account, type, status, status_reason,
                                     created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (mandate_ref) do update set account_number = excluded.account_number, bank = excluded.bank,
                    debtor_account = excluded.debtor_account, type = excluded.type, status = excluded.status,
                    status_reason = excluded.status_reason, updated_at = excluded.updated_at""",
                after.mandateRef(), after.accountNumber(), after.bank().name(), after.debtorAccount(), after.type().name(),
                after.status().name(), after.statusReason(), after.createdAt(), after.updatedAt());
        jdbc.update("""
                insert into mandate_change (mandate_ref, changed_at, actor, change, before, after)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb)""",
                after.mandateRef(), after.updatedAt(), actor, change, before == null ? null : terms(before), terms(after));
    }

    /** Oldest first. */
    public List<Change> history(String mandateRef) {
        return jdbc.query("""
                select changed_at, actor, change, before::text, after::text from mandate_change
                where mandate_ref = ? order by id""",
                (rs, i) -> new Change(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), mandateRef);
    }

    /** The terms as the history keeps them; the card account masked like everywhere else it is shown. */
    private String terms(Mandate m) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("accountNumber", AccountNumbers.mask(m.accountNumber()));
        terms.put("bank", m.bank().name());
        terms.put("debtorAccount", m.debtorAccount());
        terms.put("type", m.type().name());
        terms.put("status", m.status().name());
        terms.put("statusReason", m.statusReason());
        try {
            return json.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Mandate map(ResultSet rs, int row) throws SQLException {
        return new Mandate(rs.getString("mandate_ref"), rs.getString("account_number"),
                PartnerBank.valueOf(rs.getString("bank")), rs.getString("debtor_account"),
                MandateType.valueOf(rs.getString("type")), Mandate.Status.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}

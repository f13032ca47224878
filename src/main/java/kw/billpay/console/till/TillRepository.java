package kw.billpay.console.till;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kw.billpay.console.till.TillBook.Tally;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tellers' till counts and their sign-offs (table {@code till_count}). */
@Repository
@RequiredArgsConstructor
public class TillRepository {

    private static final TypeReference<Map<String, Tally>> TALLIES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> COUNTED = new TypeReference<>() { };
    private static final String SELECT = """
            select teller, business_date, institution, branch, counted, expected, counted_at, signed_off_by, signed_off_at
            from till_count""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public Optional<TillCount> find(String teller, LocalDate businessDate) {
        return jdbc.query(SELECT + " where teller = ? and business_date = ?", this::map, teller, businessDate)
                .stream().findFirst();
    }

    /** Keeps the count, replacing an earlier one of the same day; false when the day was already signed off. */
    public boolean save(TillCount count) {
        return jdbc.update("""
                insert into till_count (teller, business_date, institution, branch, counted, expected, counted_at)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                on conflict (teller, business_date) do update set institution = excluded.institution,
                    branch = excluded.branch, counted = excluded.counted, expected = excluded.expected,
                    counted_at = excluded.counted_at
                where till_count.signed_off_by is null""",
                count.teller(), count.businessDate(), count.institution(), count.branch(),
                toJson(Map.of("tallies", count.counted(), "pieces", count.pieces())), toJson(count.expected()),
                count.countedAt()) == 1;
    }

    /** Counts waiting for a supervisor, oldest first. */
    public List<TillCount> awaitingSignOff(int limit) {
        return jdbc.query(SELECT + " where signed_off_by is null order by counted_at limit ?", this::map, limit);
    }

    /**
     * Signs off the count made at {@code countedAt}, against the expected side the supervisor saw (kept with it); false
     * when it was already signed off, is the supervisor's own, or was counted again since.
     */
    public boolean signOff(String teller, LocalDate businessDate, OffsetDateTime countedAt, Map<String, Tally> expected,
                           String supervisor, OffsetDateTime at) {
        return jdbc.update("""
                update till_count set signed_off_by = ?, signed_off_at = ?, expected = ?::jsonb
                where teller = ? and business_date = ? and counted_at = ? and signed_off_by is null and teller <> ?""",
                supervisor, at, toJson(expected), teller, businessDate, countedAt, supervisor) == 1;
    }

    @SuppressWarnings("unchecked")
    private TillCount map(ResultSet rs, int row) throws SQLException {
        Map<String, Object> counted = fromJson(rs.getString("counted"), COUNTED);
        Map<String, Tally> tallies = json.convertValue(counted.get("tallies"), TALLIES);
        Map<String, Integer> pieces = (Map<String, Integer>) counted.get("pieces");
        return new TillCount(rs.getString("teller"), rs.getObject("business_date", LocalDate.class),
                rs.getString("institution"), rs.getString("branch"), tallies, pieces,
                fromJson(rs.getString("expected"), TALLIES), rs.getObject("counted_at", OffsetDateTime.class),
                rs.getString("signed_off_by"), rs.getObject("signed_off_at", OffsetDateTime.class));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a till count serialises", e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored till count is unreadable", e);
        }
    }
}

package kw.billpay.channel.knet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kw.billpay.channel.knet.KnetInquiry.InquiryResult;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Payment;
import kw.billpay.posting.PostingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves online intents: from a callback KNET made, or, for intents KNET never called back about, by asking KNET
 * (the sweep). A capture is posted only when KNET's inquiry service confirms it (DOMAIN R21); anything else fails the
 * intent with KNET's result.
 */
@Component("knetResolution")
public class KnetResolution {

    private static final Logger log = LoggerFactory.getLogger(KnetResolution.class);

    private final JdbcTemplate jdbc;
    private final PostingService posting;
    private final KnetProperties knet;
    private final Clock clock;

    public KnetResolution(JdbcTemplate jdbc, PostingService posting, KnetProperties knet, Clock clock) {
        this.jdbc = jdbc;
        this.posting = posting;
        this.knet = knet;
        this.clock = clock;
    }

    /**
     * An intent to resolve, with what its inquiry asks KNET about.
     *
     * @param trackId       the intent's track id, by which KNET is asked
     * @param amount        the intent's amount, which a capture must match
     * @param claimedResult what KNET's callback said, or null when the sweep asks on its own
     * @param observedAt    when the capture was seen: the callback's arrival, else the time of the inquiry
     */
    public record Resolution(UUID paymentId, String trackId, Money amount, String claimedResult, boolean needsInquiry,
                             OffsetDateTime observedAt) { }

    /** What an accepted callback asks for: an inquiry when it claims a capture, else the intent's failure. */
    public Resolution forCallback(String callbackId) {
        return jdbc.queryForObject("""
                select c.payment_id, c.endpoint, c.result, c.received_at, p.reference, p.received_amount, p.received_currency
                from knet_callback c join payment p on p.payment_id = c.payment_id where c.id = ?""",
                (rs, i) -> {
                    String result = rs.getString("result");
                    boolean claimsCapture = "response".equals(rs.getString("endpoint")) && "CAPTURED".equals(result);
                    return new Resolution(rs.getObject("payment_id", UUID.class), rs.getString("reference"), amount(rs),
                            result == null ? "ERROR" : result, claimsCapture, rs.getObject("received_at", OffsetDateTime.class));
                }, Long.parseLong(callbackId));
    }

    /** Online intents still INITIATED after {@code KNET_RESOLVE_AFTER}: the gateway asks KNET itself. */
    public List<Resolution> overdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.query("""
                select payment_id, reference, received_amount, received_currency from payment
                where status = 'INITIATED' and method = 'KNET' and received_at < ? order by seq limit 500""",
                (rs, i) -> new Resolution(rs.getObject("payment_id", UUID.class), rs.getString("reference"), amount(rs),
                        null, true, now),
                now.minus(knet.resolveAfter()));
    }

    private static Money amount(ResultSet rs) throws SQLException {
        return new Money(rs.getBigDecimal("received_amount"), Currencies.parse(rs.getString("received_currency")));
    }

    public Payment failFromCallback(Resolution resolution) {
        return posting.failInitiated(resolution.paymentId(), "KNET " + resolution.claimedResult(), "knet");
    }

    /**
     * Applies KNET's inquiry answer: captured for the intent's amount is posted; captured for another amount is held
     * back for review (the intent fails with the amounts in its reason); anything else fails the intent.
     */
    public Payment applyInquiry(Resolution resolution, InquiryResult inquiry) {
        if (inquiry.captured() && !KnetAmounts.matches(inquiry.fields().get("amt"), resolution.amount())) {
            log.warn("KNET's inquiry confirms payment {} for {} KWD, not for the intent's amount: held for review",
                    resolution.paymentId(), inquiry.fields().get("amt"));
            return posting.failInitiated(resolution.paymentId(), "INQUIRY_AMOUNT_MISMATCH: KNET captured "
                    + inquiry.fields().get("amt"), "knet");
        }
        if (inquiry.captured()) {
            Map<String, String> knetDetail = new LinkedHashMap<>(inquiry.fields());
            knetDetail.put("confirmedBy", "inquiry");
            return posting.confirmCaptured(resolution.paymentId(), resolution.observedAt(), knetDetail, "knet");
        }
        if ("CAPTURED".equals(resolution.claimedResult())) {
            log.warn("KNET's callback claimed a capture of payment {} that its inquiry does not confirm: {}",
                    resolution.paymentId(), inquiry.result());
            return posting.failInitiated(resolution.paymentId(), "INQUIRY_DISAGREES: " + inquiry.result(), "knet");
        }
        return posting.failInitiated(resolution.paymentId(), "KNET " + inquiry.result(), "knet");
    }
}

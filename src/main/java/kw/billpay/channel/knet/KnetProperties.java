package kw.billpay.channel.knet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where KNET is, the terminal's secrets (CONTRACT "Running": KNET_BASE_URL, KNET_RESOLVE_AFTER), and when the gateway
 * asks KNET's inquiry service about a payment.
 *
 * @param baseUrl               KNET's hosted page and inquiry service; empty for the built-in simulator at the gateway's own URL
 * @param resolveAfter          how long an online payment may wait for KNET's callback before the gateway asks KNET itself
 * @param inquiryTimeoutMs      how long one inquiry may take to connect, and then to be answered
 * @param inquiryBackoffInitial after an inquiry KNET did not answer readably, the wait before the next; doubled each time
 * @param inquiryBackoffMax     the longest such wait
 * @param sweepBatchSize        payments asked about per sweep run, the longest due first
 * @param sweepMaxRun           a sweep run starts no inquiry after this; it ends at most one inquiry timeout later
 * @param recheckDelay          a payment failed on KNET's word is asked again this long after
 * @param recheckEndOfDay       and once more at this time of the business day ({@code HH:mm}, {@code gateway.time-zone})
 */
@ConfigurationProperties("gateway.knet")
public record KnetProperties(String baseUrl, Duration resolveAfter, String tranportalId, String tranportalPassword,
                             String resourceKey, int inquiryTimeoutMs, Duration inquiryBackoffInitial,
                             Duration inquiryBackoffMax, int sweepBatchSize, Duration sweepMaxRun, Duration recheckDelay,
                             String recheckEndOfDay) {
}

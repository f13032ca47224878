package kw.billpay.channel.knet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where KNET is and the terminal's secrets (CONTRACT "Running": KNET_BASE_URL, KNET_RESOLVE_AFTER).
 *
 * @param baseUrl     KNET's hosted page and inquiry service; empty for the built-in simulator at the gateway's own URL
 * @param resolveAfter how long an online payment may wait for KNET's callback before the gateway asks KNET itself
 */
@ConfigurationProperties("gateway.knet")
public record KnetProperties(String baseUrl, Duration resolveAfter, String tranportalId,
                             String tranportalPassword, String resourceKey) {
}

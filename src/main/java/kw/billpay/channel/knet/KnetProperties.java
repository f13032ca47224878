package kw.billpay.channel.knet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where KNET is and the terminal's secrets (CONTRACT "Running": KNET_BASE_URL, KNET_RESOLVE_AFTER).
 *
 * @param publicUrl   the gateway's own base URL as KNET and the customer's browser reach it (GATEWAY_PUBLIC_URL)
 * @param resolveAfter how long an online payment may wait for KNET's callback before the gateway asks KNET itself
 */
@ConfigurationProperties("gateway.knet")
public record KnetProperties(String baseUrl, String publicUrl, Duration resolveAfter, String tranportalId,
                             String tranportalPassword, String resourceKey) {
}

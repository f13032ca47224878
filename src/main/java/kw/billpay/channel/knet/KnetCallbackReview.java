package kw.billpay.channel.knet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * What the staff console may read of KNET's callbacks: those kept for review because the gateway could not accept
 * them. Their form and decrypted text stay out of the console (the JSON review endpoint has them).
 */
@Service
@RequiredArgsConstructor
public class KnetCallbackReview {

    private final KnetCallbackRepository callbacks;

    public record KeptCallback(long id, OffsetDateTime receivedAt, String endpoint, String outcome, String trackId,
                               String result, UUID paymentId) { }

    public List<KeptCallback> keptForReview(int limit) {
        return callbacks.notAccepted(limit).stream().map(c -> new KeptCallback(c.id(), c.receivedAt(), c.endpoint(),
                c.outcome(), c.trackId(), c.result(), c.paymentId())).toList();
    }
}

package kw.billpay.ops;

import java.util.List;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** OPS's view of the dead-letter queue, and the replay of one message (audited: {@code dead_letter_replay}). */
@RestController
@RequiredArgsConstructor
class DeadLetterController {

    private final DeadLetters deadLetters;

    @GetMapping("/api/v1/ops/dead-letters")
    List<DeadLetter> list() {
        return deadLetters.list();
    }

    @PostMapping("/api/v1/ops/dead-letters/{messageId}/replay")
    DeadLetter replay(@PathVariable String messageId, Caller operator) {
        return deadLetters.replay(messageId, operator.name());
    }
}

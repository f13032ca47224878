package kw.billpay.ops;

import java.time.Instant;

/**
 * A message on the dead-letter queue, as OPS sees it.
 *
 * @param messageId   the broker's message id, without JMS's "ID:" prefix (the id in the replay URL)
 * @param destination the queue it is replayed to: the one it was consumed from when it failed
 * @param reason      why it was given up on, as the gateway or the broker recorded it
 * @param body        its body, every run of 12 or more digits masked to its last 4
 */
public record DeadLetter(String messageId, Instant deadLetteredAt, String destination, String reason,
                         int deliveryAttempts, String body) { }

package io.disputeflow.correspondence;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code disputeflow.mail.*}: how letters are delivered. The mail server itself is
 * {@code spring.mail.*}; without {@code spring.mail.host} letters are queued but not sent.
 *
 * @param from the sender of every letter
 * @param retry attempts and back-off, e.g. {@code R5/PT1M} (see {@link RetrySchedule})
 * @param polling whether this node looks for due letters on its own (tests dispatch by hand)
 * @param pollInterval how often a node looks for due letters
 * @param claimTimeout how long a node may take to hand one letter to the mail server; after it the
 *     letter counts as abandoned (its node died) and another node sends it, with the same Message-ID
 * @param batchSize letters read per query
 */
@ConfigurationProperties("disputeflow.mail")
@Validated
record LetterDeliveryProperties(
    @NotBlank @DefaultValue("Consumer Protection 消费者权益保护 <consumer-protection@bank.example>") String from,
    @NotBlank @DefaultValue("R5/PT1M") String retry,
    @DefaultValue("true") boolean polling,
    @NotNull @DefaultValue("PT10S") Duration pollInterval,
    @NotNull @DefaultValue("PT5M") Duration claimTimeout,
    @Min(1) @DefaultValue("50") int batchSize) {}

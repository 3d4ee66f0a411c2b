package io.disputeflow.correspondence;

import io.disputeflow.correspondence.LetterRepository.DueLetter;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the letters of the outbox by e-mail, after the transaction that queued them committed.
 * Any number of nodes may run it at once: a node claims one letter at a time with a
 * compare-and-set, sends it outside any transaction, then records the outcome; a failed attempt is
 * tried again after the back-off of {@code disputeflow.mail.retry} and after the last one the letter
 * is FAILED. Each letter's Message-ID is derived from its id, so the one case that can send a letter
 * twice (a node dies after the mail server took it and before SENT is recorded, and the letter is
 * sent again when the claim runs out) reaches the customer's mail system as the same message.
 * Each outcome refreshes the letters the case's open tasks show; a FAILED letter becomes a
 * coordinator's task ({@link UndeliveredLetters}).
 */
@Component
public class LetterDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(LetterDispatcher.class);
  private static final int MAX_ERROR_LENGTH = 1000;

  private final LetterRepository letters;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final LetterDeliveryProperties properties;
  private final RetrySchedule retry;
  private final String messageIdDomain;
  private final Clock clock;
  private final OpenTaskLetters openTasks;
  private final UndeliveredLetters undelivered;

  LetterDispatcher(LetterRepository letters, ObjectProvider<JavaMailSender> mailSender,
      LetterDeliveryProperties properties, Clock clock, OpenTaskLetters openTasks, UndeliveredLetters undelivered)
      throws AddressException {
    this.letters = letters;
    this.openTasks = openTasks;
    this.undelivered = undelivered;
    this.mailSender = mailSender;
    this.properties = properties;
    this.retry = RetrySchedule.parse(properties.retry());
    String from = new InternetAddress(properties.from(), true).getAddress();
    this.messageIdDomain = from.substring(from.indexOf('@') + 1);
    this.clock = clock;
  }

  /** Whether a mail server is configured ({@code spring.mail.host}); without one letters wait in the queue. */
  public boolean isEnabled() {
    return mailSender.getIfAvailable() != null;
  }

  /** Sends every letter due now; returns how many this call sent. */
  public int dispatchDue() {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    int sent = 0;
    List<DueLetter> due;
    do {
      due = letters.due(now(), properties.batchSize());
      for (DueLetter letter : due) {
        OffsetDateTime now = now();
        if (letters.claim(letter, now, now.plus(properties.claimTimeout()))) {
          sent += deliver(sender, letter, letter.attempts() + 1) ? 1 : 0;
        }
      }
    } while (due.size() == properties.batchSize());
    return sent;
  }

  /** {@code <letter-42.CMP-2026-000001@bank.example>}: the same for every attempt at one letter. */
  String messageId(long letterId, String complaintNumber) {
    return "<letter-" + letterId + "." + complaintNumber + "@" + messageIdDomain + ">";
  }

  private boolean deliver(JavaMailSender sender, DueLetter letter, int attempt) {
    String messageId = messageId(letter.id(), letter.complaintNumber());
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
      mail.setFrom(properties.from());
      mail.setTo(letter.recipient());
      mail.setSubject(letter.subject());
      mail.setText(letter.body());
      mail.setSentDate(Date.from(clock.instant()));
      message.setHeader("Content-Language", letter.language());
      // JavaMailSenderImpl keeps a Message-ID that is set, instead of generating a new one per attempt
      message.setHeader("Message-ID", messageId);
      sender.send(message);
    } catch (MessagingException | RuntimeException e) {
      failed(letter, attempt, e);
      return false;
    }
    if (!letters.markSent(letter.id(), attempt, now(), messageId)) {
      LOG.warn("Letter {} of {} was sent after its claim ran out; another node may send it again as {}",
          letter.id(), letter.complaintNumber(), messageId);
    }
    openTasks.refresh(letter.complaintNumber());
    return true;
  }

  private void failed(DueLetter letter, int attempt, Exception e) {
    String error = describe(e);
    Optional<Duration> delay = retry.delayAfter(attempt);
    OffsetDateTime nextAttemptAt = delay.map(now()::plus).orElse(null);
    boolean recorded = letters.markAttemptFailed(letter.id(), attempt, error, nextAttemptAt);
    openTasks.refresh(letter.complaintNumber());
    if (nextAttemptAt != null) {
      LOG.warn("Letter {} of {}: attempt {} of {} failed, next at {}: {}", letter.id(), letter.complaintNumber(),
          attempt, retry.maxAttempts(), nextAttemptAt, error);
    } else {
      LOG.error("Letter {} of {} FAILED after {} attempts, a coordinator's task is opened for it (or retry it with"
          + " POST /api/complaints/{}/letters/{}/retry): {}",
          letter.id(), letter.complaintNumber(), attempt, letter.complaintNumber(), letter.id(), error);
      if (recorded) {
        undelivered.open(letter.complaintNumber(), letter.id());
      }
    }
  }

  private static String describe(Exception e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      text.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
    }
    String error = text.toString().replaceAll("\\s+", " ");
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}

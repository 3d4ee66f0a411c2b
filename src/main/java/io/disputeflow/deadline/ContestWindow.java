package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;

import io.disputeflow.correspondence.Letter;
import io.disputeflow.correspondence.LetterService;
import io.disputeflow.correspondence.LetterType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The customer's window to contest a decision (核查 under CN-CBIRC-2020, the Ombudsman referral in the
 * UK, CFPB feedback in the US): the regime's {@code contestWithin}, counted from when the customer
 * received the decision letter ({@link Letter#receivedAt}), and never shorter than the date the
 * letter itself named. Until the letter is received (an e-mail not yet accepted by the mail server)
 * the window has not started. resolution.bpmn waits on it: its timer ({@link #nextCheckAt}) fires
 * when the window should have passed and asks {@link #hasPassed}; a later delivery record moves the end.
 */
@Component("contestWindow")
public class ContestWindow {

  /** How often a case whose decision has not reached the customer yet looks again. */
  static final Duration NOT_RECEIVED_RECHECK = Duration.ofHours(1);

  private final ClockRepository clocks;
  private final LetterService letters;
  private final RegimeCalendars calendars;
  private final Duration deemedDelivery;
  private final Clock clock;

  ContestWindow(ClockRepository clocks, LetterService letters, RegimeCalendars calendars,
      @Value("${disputeflow.mail.deemed-delivery:P7D}") Duration deemedDelivery, Clock clock) {
    this.clocks = clocks;
    this.letters = letters;
    this.calendars = calendars;
    this.deemedDelivery = deemedDelivery;
    this.clock = clock;
  }

  /** The end of the window, or empty while the decision has not reached the customer (or the regime has none). */
  public Optional<OffsetDateTime> until(String complaintNumber) {
    var record = clocks.clockOf(complaintNumber).orElse(null);
    if (record == null) {
      return Optional.empty();
    }
    String contestWithin = periodOrNone(record.contestWithin());
    Optional<Letter> decision = letters.lettersOf(complaintNumber).stream()
        .filter(letter -> letter.type() == LetterType.DECISION && letter.toCustomer()).max(Comparator.comparingLong(Letter::id));
    if (decision.isEmpty() || decision.get().receivedAt(deemedDelivery) == null) {
      return Optional.empty();
    }
    Letter letter = decision.get();
    JurisdictionCalendar calendar = calendars.forRegime(record.regime());
    ZonedDateTime fromReceipt = calendar.dueAt(letter.receivedAt(deemedDelivery).toZonedDateTime(), contestWithin);
    ZonedDateTime named = statedUntil(calendar, letter.createdAt(), letter.recipient() == null, contestWithin);
    return Optional.of((fromReceipt.isAfter(named) ? fromReceipt : named).toOffsetDateTime());
  }

  /** What the decision letter queued at {@code queuedAt} names: from its expected receipt. */
  public OffsetDateTime statedUntil(String regime, String contestWithin, OffsetDateTime queuedAt, boolean posted) {
    return statedUntil(calendars.forRegime(regime), queuedAt, posted, periodOrNone(contestWithin)).toOffsetDateTime();
  }

  private ZonedDateTime statedUntil(JurisdictionCalendar calendar, OffsetDateTime queuedAt, boolean posted,
      String contestWithin) {
    return calendar.dueAt((posted ? queuedAt.plus(deemedDelivery) : queuedAt).toZonedDateTime(), contestWithin);
  }

  /** A regime without a contest step (Regulation E, Z): the window closes at the end of the day of receipt. */
  private static String periodOrNone(String contestWithin) {
    return contestWithin == null ? "P0D" : contestWithin;
  }

  /** resolution.bpmn's timer: just after the window's end, or a recheck while the letter is on its way. */
  public Date nextCheckAt(DelegateExecution execution) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return Date.from(until(COMPLAINT_NUMBER.get(execution)).map(end -> end.plusNanos(1_000_000))
        .orElse(now.plus(NOT_RECEIVED_RECHECK)).toInstant());
  }

  /** Whether silence now counts as acceptance: the window started and its last moment has passed. */
  public boolean hasPassed(DelegateExecution execution) {
    return hasPassed(COMPLAINT_NUMBER.get(execution));
  }

  public boolean hasPassed(String complaintNumber) {
    return until(complaintNumber).map(end -> OffsetDateTime.now(clock).isAfter(end)).orElse(false);
  }
}

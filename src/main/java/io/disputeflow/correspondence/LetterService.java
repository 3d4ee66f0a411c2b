package io.disputeflow.correspondence;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.time.BankTime;
import io.disputeflow.time.IsoDurations;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters to the customer, each with the facts of the step that causes it, written into the outbox
 * in that step's transaction: if the step rolls back, so does its letter. The {@link LetterWriter}
 * renders and files each one (on paper, {@link LetterStatus#PRINT}, for a customer without an e-mail
 * address), the {@link LetterDispatcher} delivers it after commit, and {@link LetterDeliveryActions}
 * deal with one that failed. Reads a complaint's letters with their times in the bank's zone.
 */
@Service
public class LetterService {

  private final LetterWriter writer;
  private final LetterRepository letters;
  private final ComplaintRepository complaints;
  private final BankTime bankTime;

  LetterService(LetterWriter writer, LetterRepository letters, ComplaintRepository complaints, BankTime bankTime) {
    this.writer = writer;
    this.letters = letters;
    this.complaints = complaints;
    this.bankTime = bankTime;
  }

  public long queueAcknowledgement(String complaintNumber) {
    return writer.queue(complaintNumber, LetterType.ACKNOWLEDGEMENT, (complaint, formats) -> Map.of());
  }

  public long queueInquiryAnswer(String complaintNumber, String answer) {
    return writer.queue(complaintNumber, LetterType.INQUIRY_ANSWER, (complaint, formats) ->
        Map.of("answer", required("answer", answer)));
  }

  /** The decision deadline moved to {@code newDueAt} (first or second extension) for {@code reason}. */
  public long queueExtensionNotice(String complaintNumber, OffsetDateTime newDueAt, String reason) {
    return writer.queue(complaintNumber, LetterType.EXTENSION_NOTICE, (complaint, formats) ->
        Map.of("newDueAt", formats.dateTime(Objects.requireNonNull(newDueAt, "A letter needs its newDueAt")),
            "reason", required("reason", reason)));
  }

  /** The regulatory clock stopped now (e.g. for an external appraisal) for {@code reason}. */
  public long queuePauseNotice(String complaintNumber, String reason) {
    return writer.queue(complaintNumber, LetterType.PAUSE_NOTICE, (complaint, formats) ->
        Map.of("pausedAt", formats.dateTime(bankTime.now()), "reason", required("reason", reason)));
  }

  /**
   * The customer's withdrawal (撤回) is confirmed: when, the reason given, and that the complaint may be
   * made again; {@code decided} says whether a decision had already been issued (it then stands as issued).
   */
  public long queueWithdrawalConfirmation(String complaintNumber, String reason, boolean decided) {
    return writer.queue(complaintNumber, LetterType.WITHDRAWAL_CONFIRMATION, (complaint, formats) ->
        Map.of("withdrawnAt", formats.dateTime(bankTime.now()), "reason", required("reason", reason), "decided", decided));
  }

  /**
   * The decision on file, its grounds and compensation, and the remedies; the customer may contest
   * it until {@code contestUntil}: given the letter's way (an e-mail if the customer gave an address,
   * else a posted letter), the window counted from when the customer will receive it. A later
   * receipt only lengthens the window (deadline/ContestWindow); the letter's date always holds.
   */
  public long queueDecision(String complaintNumber, java.util.function.Function<Boolean, OffsetDateTime> contestUntil) {
    return writer.queue(complaintNumber, LetterType.DECISION, (complaint, formats) -> {
      Map<String, Object> model = decision(complaint, formats);
      model.put("grounds", complaint.decisionGrounds());
      model.put("reverificationDeadline", formats.dateTime(contestUntil.apply(complaint.customerEmail() == null)));
      return model;
    });
  }

  /**
   * UK summary resolution communication (FCA DISP 1.5.4R): the customer accepted our response by the
   * close of the third business day; {@code resolution} says what was found and agreed, and the
   * Ombudsman's six months run to {@code referUntil} (given the letter's way, as for a decision).
   */
  public long queueSummaryResolution(String complaintNumber, String resolution,
      java.util.function.Function<Boolean, OffsetDateTime> referUntil) {
    return writer.queue(complaintNumber, LetterType.SUMMARY_RESOLUTION, (complaint, formats) -> {
      Map<String, Object> model = decision(complaint, formats);
      model.put("resolution", required("resolution", resolution));
      model.put("resolvedAt", formats.date(bankTime.now()));
      model.put("reverificationDeadline", formats.dateTime(referUntil.apply(complaint.customerEmail() == null)));
      return model;
    });
  }

  /**
   * UK eight-week letter (FCA DISP 1.6.2R(2)): why there is no final response yet (the case's stage),
   * when we expect to send it ({@code expectedBy}) and that the customer may now go to the Ombudsman.
   */
  public long queueEightWeekLetter(String complaintNumber, OffsetDateTime expectedBy) {
    return writer.queue(complaintNumber, LetterType.EIGHT_WEEK_LETTER, (complaint, formats) -> Map.of(
        "delayReason", formats.label("delay." + (complaint.stage() == null ? "INVESTIGATION" : complaint.stage().name()),
            formats.label("delay.INVESTIGATION")),
        "expectedBy", formats.date(Objects.requireNonNull(expectedBy, "A letter needs its expectedBy"))));
  }

  /** The re-verification (核查) outcome ({@code ORIGINAL_UPHELD} or {@code REVISED}) and its grounds. */
  public long queueReverificationDecision(String complaintNumber, String outcome, String grounds) {
    return writer.queue(complaintNumber, LetterType.REVERIFICATION_DECISION, (complaint, formats) -> {
      Map<String, Object> model = decision(complaint, formats);
      model.put("outcome", formats.label("reverification." + outcome));
      model.put("grounds", grounds);
      return model;
    });
  }

  /** The satisfaction survey, open for {@code surveyWithin} (an ISO-8601 duration) from now (internal, not a legal period). */
  public long queueSurveyInvitation(String complaintNumber, String surveyWithin) {
    OffsetDateTime respondBy = IsoDurations.add(ZonedDateTime.now(bankTime.clock()), surveyWithin).toOffsetDateTime();
    return writer.queue(complaintNumber, LetterType.SURVEY_INVITATION, (complaint, formats) ->
        Map.of("respondBy", formats.dateTime(respondBy)));
  }

  /** Every letter of a complaint, oldest first, with its times in the bank's zone. */
  @Transactional(readOnly = true)
  public List<Letter> lettersOf(String complaintNumber) {
    return letters.lettersOf(complaintNumber).stream().map(this::inZone).toList();
  }

  @Transactional(readOnly = true)
  public LetterCopy copyOf(String complaintNumber, long letterId) {
    requireComplaint(complaintNumber);
    LetterCopy copy = letters.find(complaintNumber, letterId)
        .orElseThrow(() -> new LetterNotFoundException(complaintNumber, letterId));
    return new LetterCopy(inZone(copy.letter()), copy.subject(), copy.body());
  }

  private static Map<String, Object> decision(ComplaintRecord complaint, LetterTemplates.Formats formats) {
    Map<String, Object> model = new HashMap<>();
    model.put("upheld", "UPHOLD".equals(complaint.decision()) || "PARTLY_UPHOLD".equals(complaint.decision()));
    model.put("decision", formats.label("decision." + complaint.decision()));
    BigDecimal compensation = complaint.compensationAmount();
    boolean hasCompensation = compensation != null && compensation.signum() > 0;
    model.put("hasCompensation", hasCompensation);
    model.put("compensation", hasCompensation ? formats.amount(compensation,
        complaint.disputedCurrency() != null ? complaint.disputedCurrency() : LetterWriter.DEFAULT_CURRENCY) : null);
    return model;
  }

  /** What a letter must say: a step that has not got it must fail rather than send a letter with a gap. */
  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A letter needs its " + name);
    }
    return value;
  }

  private ComplaintRecord requireComplaint(String complaintNumber) {
    return complaints.find(complaintNumber).orElseThrow(() -> new ComplaintNotFoundException(complaintNumber));
  }

  /** A letter with its times in the bank's zone. */
  private Letter inZone(Letter l) {
    return new Letter(l.id(), l.type(), l.language(), l.recipient(), l.status(), l.attempts(), l.lastError(),
        bankTime.inZone(l.nextAttemptAt()), bankTime.inZone(l.sentAt()), l.messageId(), bankTime.inZone(l.createdAt()),
        bankTime.inZone(l.deliveredAt()), l.addressee());
  }
}

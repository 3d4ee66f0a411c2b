package io.disputeflow.correspondence;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Representative;
import io.disputeflow.complaint.RepresentativeRepository;
import io.disputeflow.time.BankTime;
import io.disputeflow.time.IsoDurations;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes letters to the customer into the outbox, in the transaction of the step that causes them:
 * if the step rolls back, so does its letter. Each letter is rendered here, in the customer's
 * language, from the complaint record and the facts of the step, and kept as rendered; the
 * {@link LetterDispatcher} delivers it after commit. A customer without an e-mail address gets the
 * letter on paper: it is recorded as {@link LetterStatus#PRINT}.
 */
@Service
public class LetterService {

  private static final Logger LOG = LoggerFactory.getLogger(LetterService.class);
  private static final String DEFAULT_CURRENCY = "CNY";

  private final ComplaintRepository complaints;
  private final LetterRepository letters;
  private final LetterTemplates templates;
  private final Clock clock;
  private final ZoneId zone;
  private final BankTime bankTime;
  private final OpenTaskLetters openTasks;
  private final RegimeZones regimeZones;
  private final RepresentativeRepository representatives;

  LetterService(ComplaintRepository complaints, LetterRepository letters, LetterTemplates templates, Clock clock,
      BankTime bankTime, OpenTaskLetters openTasks, RegimeZones regimeZones,
      RepresentativeRepository representatives) {
    this.complaints = complaints;
    this.representatives = representatives;
    this.regimeZones = regimeZones;
    this.openTasks = openTasks;
    this.letters = letters;
    this.templates = templates;
    this.clock = clock;
    this.zone = bankTime.zone();
    this.bankTime = bankTime;
  }

  public long queueAcknowledgement(String complaintNumber) {
    return queue(complaintNumber, LetterType.ACKNOWLEDGEMENT, (complaint, formats) -> Map.of());
  }

  public long queueInquiryAnswer(String complaintNumber, String answer) {
    return queue(complaintNumber, LetterType.INQUIRY_ANSWER, (complaint, formats) ->
        Map.of("answer", required("answer", answer)));
  }

  /** The decision deadline moved to {@code newDueAt} (first or second extension) for {@code reason}. */
  public long queueExtensionNotice(String complaintNumber, OffsetDateTime newDueAt, String reason) {
    return queue(complaintNumber, LetterType.EXTENSION_NOTICE, (complaint, formats) ->
        Map.of("newDueAt", formats.dateTime(Objects.requireNonNull(newDueAt, "A letter needs its newDueAt")),
            "reason", required("reason", reason)));
  }

  /** The regulatory clock stopped now (e.g. for an external appraisal) for {@code reason}. */
  public long queuePauseNotice(String complaintNumber, String reason) {
    return queue(complaintNumber, LetterType.PAUSE_NOTICE, (complaint, formats) ->
        Map.of("pausedAt", formats.dateTime(now()), "reason", required("reason", reason)));
  }

  /**
   * The customer's withdrawal (撤回) is confirmed: when, the reason given, and that the complaint may be
   * made again; {@code decided} says whether a decision had already been issued (it then stands as issued).
   */
  public long queueWithdrawalConfirmation(String complaintNumber, String reason, boolean decided) {
    return queue(complaintNumber, LetterType.WITHDRAWAL_CONFIRMATION, (complaint, formats) ->
        Map.of("withdrawnAt", formats.dateTime(now()), "reason", required("reason", reason), "decided", decided));
  }

  /**
   * The decision on file, its grounds and compensation, and the remedies; the customer may contest
   * it until {@code contestUntil}: given the letter's way (an e-mail if the customer gave an address,
   * else a posted letter), the window counted from when the customer will receive it. A later
   * receipt only lengthens the window (deadline/ContestWindow); the letter's date always holds.
   */
  public long queueDecision(String complaintNumber, java.util.function.Function<Boolean, OffsetDateTime> contestUntil) {
    return queue(complaintNumber, LetterType.DECISION, (complaint, formats) -> {
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
    return queue(complaintNumber, LetterType.SUMMARY_RESOLUTION, (complaint, formats) -> {
      Map<String, Object> model = decision(complaint, formats);
      model.put("resolution", required("resolution", resolution));
      model.put("resolvedAt", formats.date(now()));
      model.put("reverificationDeadline", formats.dateTime(referUntil.apply(complaint.customerEmail() == null)));
      return model;
    });
  }

  /**
   * UK eight-week letter (FCA DISP 1.6.2R(2)): why there is no final response yet (the case's stage),
   * when we expect to send it ({@code expectedBy}) and that the customer may now go to the Ombudsman.
   */
  public long queueEightWeekLetter(String complaintNumber, OffsetDateTime expectedBy) {
    return queue(complaintNumber, LetterType.EIGHT_WEEK_LETTER, (complaint, formats) -> Map.of(
        "delayReason", formats.label("delay." + (complaint.stage() == null ? "INVESTIGATION" : complaint.stage().name()),
            formats.label("delay.INVESTIGATION")),
        "expectedBy", formats.date(Objects.requireNonNull(expectedBy, "A letter needs its expectedBy"))));
  }

  /** A printed letter reached the customer at {@code deliveredAt} (recorded by {@code recordedBy}). */
  @Transactional
  public Letter recordDelivery(String complaintNumber, long letterId, OffsetDateTime deliveredAt, String recordedBy) {
    LetterCopy copy = copyOf(complaintNumber, letterId);
    if (deliveredAt.isAfter(now().plusMinutes(5)) || deliveredAt.isBefore(copy.letter().createdAt())) {
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
          "deliveredAt must lie between the letter's posting (" + copy.letter().createdAt() + ") and now");
    }
    if (!letters.recordDelivery(complaintNumber, letterId, deliveredAt, recordedBy)) {
      throw new LetterNotRetryableException(copy.letter(), "only a printed letter (PRINT) has a recorded delivery");
    }
    return copyOf(complaintNumber, letterId).letter();
  }

  /** The re-verification (核查) outcome ({@code ORIGINAL_UPHELD} or {@code REVISED}) and its grounds. */
  public long queueReverificationDecision(String complaintNumber, String outcome, String grounds) {
    return queue(complaintNumber, LetterType.REVERIFICATION_DECISION, (complaint, formats) -> {
      Map<String, Object> model = decision(complaint, formats);
      model.put("outcome", formats.label("reverification." + outcome));
      model.put("grounds", grounds);
      return model;
    });
  }

  /** The satisfaction survey, open for {@code surveyWithin} (an ISO-8601 duration) from now (internal, not a legal period). */
  public long queueSurveyInvitation(String complaintNumber, String surveyWithin) {
    OffsetDateTime respondBy = IsoDurations.add(now().atZoneSameInstant(zone), surveyWithin).toOffsetDateTime();
    return queue(complaintNumber, LetterType.SURVEY_INVITATION, (complaint, formats) ->
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

  /** Gives a FAILED letter a fresh set of delivery attempts, starting now (e.g. once the mail server is back). */
  @Transactional
  public Letter retry(String complaintNumber, long letterId) {
    Letter letter = copyOf(complaintNumber, letterId).letter();
    if (!letters.requeueFailed(complaintNumber, letterId, now())) {
      throw new LetterNotRetryableException(letter);
    }
    LOG.info("Letter {} ({} of {}) queued again after {} failed attempts: {}", letterId, letter.type(),
        complaintNumber, letter.attempts(), letter.lastError());
    openTasks.refresh(complaintNumber);
    return copyOf(complaintNumber, letterId).letter();
  }

  /**
   * Sends a FAILED letter to the customer's new e-mail address, which the complaint record keeps for
   * the letters that follow: a fresh set of delivery attempts, starting now.
   */
  @Transactional
  public Letter retryAt(String complaintNumber, long letterId, String newEmail) {
    String address = validEmail(newEmail);
    Letter letter = copyOf(complaintNumber, letterId).letter();
    if (!letters.requeueFailedTo(complaintNumber, letterId, address, now())) {
      throw new LetterNotRetryableException(letter);
    }
    if (letter.toCustomer()) {
      complaints.updateCustomerEmail(complaintNumber, address);
    } else {
      // the representative's copy failed: their new address is on file (a new representative entry) for what follows
      representatives.current(complaintNumber).ifPresent(current -> representatives.insert(complaintNumber,
          new Representative(current.name(), current.relation(), current.phone(), address, current.address(),
              current.authorityDocumentId(), null, now())));
    }
    LOG.info("Letter {} ({} of {}) queued again for a new address after {} failed attempts: {}", letterId,
        letter.type(), complaintNumber, letter.attempts(), letter.lastError());
    openTasks.refresh(complaintNumber);
    return copyOf(complaintNumber, letterId).letter();
  }

  /** A FAILED letter goes on paper, as for a customer without e-mail: it is {@link LetterStatus#PRINT}. */
  @Transactional
  public Letter print(String complaintNumber, long letterId) {
    Letter letter = copyOf(complaintNumber, letterId).letter();
    if (!letters.printFailed(complaintNumber, letterId)) {
      throw new LetterNotRetryableException(letter);
    }
    LOG.info("Letter {} ({} of {}) to be printed and posted after {} failed attempts", letterId, letter.type(),
        complaintNumber, letter.attempts());
    openTasks.refresh(complaintNumber);
    return copyOf(complaintNumber, letterId).letter();
  }

  /** An e-mail address as the customer's mail system needs it, or a clear refusal. */
  static String validEmail(String email) {
    try {
      jakarta.mail.internet.InternetAddress address = new jakarta.mail.internet.InternetAddress(
          email == null ? "" : email.strip(), true);
      if (address.getAddress().contains("@") && address.getPersonal() == null) {
        return address.getAddress();
      }
    } catch (jakarta.mail.internet.AddressException e) {
      // refused below
    }
    throw new IllegalArgumentException("Not an e-mail address like name@example.com: " + email);
  }

  private interface Facts {
    Map<String, Object> of(ComplaintRecord complaint, LetterTemplates.Formats formats);
  }

  private long queue(String complaintNumber, LetterType type, Facts facts) {
    ComplaintRecord complaint = requireComplaint(complaintNumber);
    String language = LetterTemplates.languageFor(complaint.preferredLanguage());
    // the remedies and dates a letter names follow the complaint's regime: 核查 and 12378, the Ombudsman, the CFPB
    String regime = complaint.regime() == null ? "CN-CBIRC-2020" : complaint.regime();
    LetterTemplates.Formats formats = templates.formats(language, regimeZones.zoneOf(regime));
    Map<String, Object> model = new HashMap<>();
    model.put("complaintNumber", complaint.complaintNumber());
    model.put("customerName", complaint.customerName());
    model.put("product", formats.label("product." + complaint.product().name()));
    model.put("issue", complaint.issue());
    model.put("receivedAt", formats.dateTime(complaint.receivedAt()));
    model.put("decisionDueAt", formats.dateTime(complaint.decisionDueAt()));
    model.put("letterDate", formats.date(now()));
    model.put("disputedAmount", complaint.disputedAmount() == null ? null : formats.amount(complaint.disputedAmount(),
        complaint.disputedCurrency() != null ? complaint.disputedCurrency() : DEFAULT_CURRENCY));
    model.putAll(regimeFlags(regime));
    model.put("regime", regime);
    model.put("regimeName", formats.label("regime." + regime, regime));
    model.putAll(facts.of(complaint, formats));
    RenderedLetter content = templates.render(type, language, model);
    String recipient = complaint.customerEmail();
    LetterStatus status = recipient == null ? LetterStatus.PRINT : LetterStatus.QUEUED;
    long id = letters.insert(complaintNumber, type, language, recipient, status, content, now());
    representatives.current(complaintNumber).ifPresent(representative -> copyTo(representative, complaint, type,
        language, content));
    return id;
  }

  /**
   * Whoever made the complaint on the customer's behalf gets every letter too: the same text under a line
   * that says whose copy it is, by e-mail, or on paper to their address.
   */
  private void copyTo(Representative representative, ComplaintRecord complaint, LetterType type, String language,
      RenderedLetter content) {
    boolean chinese = language.startsWith("zh");
    String relation = templates.formats(language, zone).label("relation." + representative.relation(),
        representative.relation());
    String heading = chinese
        ? "本函副本致 " + representative.name() + "（" + relation + "），" + complaint.customerName() + " 的代理人。"
        : "Copy for " + representative.name() + " (" + relation + "), acting for " + complaint.customerName() + ".";
    RenderedLetter copy = new RenderedLetter((chinese ? "【代理人副本】" : "[Copy for the representative] ")
        + content.subject(), heading + "\n\n" + content.body());
    String recipient = representative.email();
    letters.insert(complaint.complaintNumber(), type, language, recipient,
        recipient == null ? LetterStatus.PRINT : LetterStatus.QUEUED, copy, now(), Letter.REPRESENTATIVE);
  }

  /**
   * Which regime's sections of a template apply: {@code cn}, {@code uk} (both UK regimes) with
   * {@code ukDisp} or {@code ukPsd}, {@code us} with {@code usCfpb}, {@code usRegE} or {@code usRegZ}.
   * A regime a bank added under a known prefix gets its family's general wording.
   */
  static Map<String, Object> regimeFlags(String regime) {
    return Map.of("cn", regime.startsWith("CN"), "uk", regime.startsWith("UK"), "us", regime.startsWith("US"),
        "ukDisp", regime.equals("UK-FCA-DISP"), "ukPsd", regime.equals("UK-FCA-DISP-PSD"),
        "usCfpb", regime.equals("US-CFPB"), "usRegE", regime.equals("US-REG-E"), "usRegZ", regime.equals("US-REG-Z"));
  }

  private static Map<String, Object> decision(ComplaintRecord complaint, LetterTemplates.Formats formats) {
    Map<String, Object> model = new HashMap<>();
    model.put("upheld", "UPHOLD".equals(complaint.decision()) || "PARTLY_UPHOLD".equals(complaint.decision()));
    model.put("decision", formats.label("decision." + complaint.decision()));
    BigDecimal compensation = complaint.compensationAmount();
    boolean hasCompensation = compensation != null && compensation.signum() > 0;
    model.put("hasCompensation", hasCompensation);
    model.put("compensation", hasCompensation ? formats.amount(compensation,
        complaint.disputedCurrency() != null ? complaint.disputedCurrency() : DEFAULT_CURRENCY) : null);
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

  private Letter inZone(Letter l) {
    return new Letter(l.id(), l.type(), l.language(), l.recipient(), l.status(), l.attempts(), l.lastError(),
        bankTime.inZone(l.nextAttemptAt()), bankTime.inZone(l.sentAt()), l.messageId(), bankTime.inZone(l.createdAt()),
        bankTime.inZone(l.deliveredAt()), l.addressee());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}

package io.disputeflow.intake;

import io.disputeflow.refusal.InvalidFieldException;
import static io.disputeflow.process.ComplaintVariables.BILLING_CYCLE_CLOSING_DAY;
import static io.disputeflow.process.ComplaintVariables.CHANNEL;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_AGE;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_VULNERABLE;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_AMOUNT;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_CURRENCY;
import static io.disputeflow.process.ComplaintVariables.INQUIRY_ONLY;
import static io.disputeflow.process.ComplaintVariables.ISSUE;
import static io.disputeflow.process.ComplaintVariables.NARRATIVE;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;
import static io.disputeflow.process.ComplaintVariables.PRODUCT_LABEL;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_FOREIGN_INITIATED;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_NEW_ACCOUNT;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_POINT_OF_SALE;

import io.disputeflow.complaint.ComplaintNumbers;
import io.disputeflow.casefile.ComplaintQueries;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.complaint.Stage;
import io.disputeflow.deadline.PeriodRestart;
import io.disputeflow.intake.IntakeResult.Outcome;
import io.disputeflow.logging.CaseLogContext;
import io.disputeflow.process.ActingUser;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.representative.Representatives;
import io.disputeflow.time.BankTime;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a complaint in: the complaint record and the process start are one transaction, so a
 * failure anywhere up to the first wait state leaves neither behind.
 */
@Service
public class IntakeService {

  /** Engine string variables hold 4,000 characters; the full narrative stays in the complaint record. */
  static final int NARRATIVE_EXCERPT_LENGTH = 3_990;
  /** Channel systems' clocks drift; a receipt time this little ahead of ours is not "in the future". */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ComplaintRepository complaints;
  private final ComplaintNumbers numbers;
  private final ComplaintQueries queries;
  private final RuntimeService runtimeService;
  private final ActingUser actingUser;
  private final PeriodRestart periodRestart;
  private final Clock clock;
  private final ZoneId zone;
  private final IntakeMeters meters;
  private final Representatives representatives;

  IntakeService(ComplaintRepository complaints, ComplaintNumbers numbers, ComplaintQueries queries,
      RuntimeService runtimeService, ActingUser actingUser, PeriodRestart periodRestart, Clock clock,
      BankTime bankTime, IntakeMeters meters, Representatives representatives) {
    this.representatives = representatives;
    this.periodRestart = periodRestart;
    this.complaints = complaints;
    this.numbers = numbers;
    this.queries = queries;
    this.runtimeService = runtimeService;
    this.actingUser = actingUser;
    this.clock = clock;
    this.zone = bankTime.zone();
    this.meters = meters;
  }

  @Transactional
  public IntakeResult submit(ComplaintSubmission submission) {
    Taken taken = takeIn(submission);
    IntakeResult result = new IntakeResult(queries.get(taken.complaintNumber()), taken.outcome());
    meters.received(submission, result);
    return result;
  }

  /** The complaint a submission became or joined, by number only: for bulk intake, which shows no case. */
  public record Taken(String complaintNumber, Outcome outcome) {}

  /**
   * {@link #submit} without reading the whole case back; counted under the regime the submission names
   * (bulk intake names one).
   */
  @Transactional
  public Taken take(ComplaintSubmission submission) {
    Taken taken = takeIn(submission);
    meters.received(submission, taken.outcome(), submission.regime());
    return taken;
  }

  private Taken takeIn(ComplaintSubmission submission) {
    OffsetDateTime receivedAt = receivedAt(submission);
    String reference = submission.reference();
    if (reference != null) {
      Optional<String> earlier = complaints.findNumberByReference(submission.channel(), reference);
      if (earlier.isPresent()) {
        return new Taken(earlier.get(), Outcome.ALREADY_SUBMITTED);
      }
    }
    checkTransferFacts(submission);
    checkBillingCycle(submission);
    var customer = submission.customer();
    Optional<ComplaintRecord> openCase = submission.repeatOf() != null ? Optional.of(repeatedCase(submission))
        : submission.isInquiryOnly() || !identifiable(customer) ? Optional.empty()
        : complaints.findOpenDuplicate(blankToNull(customer.customerId()), customer.name().trim(),
            blankToNull(customer.phone()), blankToNull(customer.email()), submission.product(), submission.issue());
    var representative = submission.representative();
    if (openCase.isEmpty() && representative != null && representative.authorityDocumentId() != null) {
      throw new InvalidFieldException("representative.authorityDocumentId", "a new complaint has no documents yet:"
          + " submit it without authorityDocumentId, upload the authority to the case, then record it with"
          + " PUT /api/complaints/{number}/representative");
    }
    if (openCase.isPresent()) {
      String openNumber = openCase.get().complaintNumber();
      if (representative != null) {
        representatives.record(openNumber, representative, "representative.");
      }
      // new facts or reasons restart the open case's period from this receipt (CN 第十八条第三款); none leave it
      Optional<PeriodRestart.Restart> restart = submission.hasNewFacts()
          ? actingUser.call(() -> periodRestart.restart(openNumber, receivedAt)) : Optional.empty();
      complaints.addSubmission(openNumber, submission.channel(), reference, receivedAt, submission.narrative(),
          submission.hasNewFacts(), restart.map(PeriodRestart.Restart::previousDueAt).orElse(null),
          restart.map(PeriodRestart.Restart::restartedDueAt).orElse(null));
      return new Taken(openNumber, Outcome.MERGED_INTO_OPEN_CASE);
    }
    String number = numbers.next(receivedAt.atZoneSameInstant(zone).getYear());
    ComplaintRecord record = newRecord(number, submission, reference, receivedAt);
    complaints.insert(record);
    if (representative != null) {
      // before the case starts: its first letter, the acknowledgement, goes to the representative too
      representatives.record(number, representative, "representative.");
    }
    Map<String, Object> variables = startVariables(record, receivedAt);
    // without one, regime-selection.dmn chooses the regime once the complaint is classified
    REGIME.put(variables, submission.regime());
    var transfer = submission.electronicFundTransfer();
    if (transfer != null) {
      TRANSFER_NEW_ACCOUNT.put(variables, Boolean.TRUE.equals(transfer.newAccount()));
      TRANSFER_POINT_OF_SALE.put(variables, Boolean.TRUE.equals(transfer.pointOfSale()));
      TRANSFER_FOREIGN_INITIATED.put(variables, Boolean.TRUE.equals(transfer.foreignInitiated()));
    }
    if (submission.billingCycle() != null) {
      // used only if the complaint runs under US-REG-Z (named, or chosen by regime-selection)
      BILLING_CYCLE_CLOSING_DAY.put(variables, submission.billingCycle().closingDay().longValue());
    }
    try (var logContext = CaseLogContext.complaint(number)) {
      actingUser.run(() -> runtimeService.startProcessInstanceByKey(ComplaintHandlingProcess.KEY, number, variables));
    }
    return new Taken(number, Outcome.CREATED);
  }

  /**
   * A duplicate is the same customer: by customer id, or by name with a phone or an e-mail. Without any
   * of these (an anonymous regulator referral) no open case can match, and the look-up, which cannot use
   * an index on a name alone, is skipped.
   */
  private static boolean identifiable(ComplaintSubmission.Customer customer) {
    return blankToNull(customer.customerId()) != null || blankToNull(customer.phone()) != null
        || blankToNull(customer.email()) != null;
  }

  /** The open case a repeat names: it must exist, be a complaint (not an inquiry) and still be open. */
  private ComplaintRecord repeatedCase(ComplaintSubmission submission) {
    ComplaintRecord repeated = complaints.find(submission.repeatOf())
        .orElseThrow(() -> new InvalidFieldException("repeatOf", "no complaint " + submission.repeatOf()));
    if (repeated.status() == ComplaintStatus.CLOSED) {
      throw new InvalidFieldException("repeatOf", submission.repeatOf() + " is closed: submit the complaint without"
          + " repeatOf (a new case), or ask for a re-verification of its decision");
    }
    if (repeated.inquiryOnly()) {
      throw new InvalidFieldException("repeatOf", submission.repeatOf() + " is an inquiry, not a complaint");
    }
    if (!sameCustomer(submission.customer(), repeated)) {
      throw new InvalidFieldException("repeatOf", submission.repeatOf() + " is another customer's complaint: a repeat"
          + " must name the same customer id, or the same name with the same phone or e-mail");
    }
    return repeated;
  }

  /**
   * The customer of a repeat must be the case's: the same customer id when both have one, else the same
   * name with the same phone or e-mail (as intake's own duplicate search matches), so that one customer's
   * submission can never restart or join another customer's case.
   */
  private static boolean sameCustomer(ComplaintSubmission.Customer customer, ComplaintRecord repeated) {
    String id = blankToNull(customer.customerId());
    if (id != null && repeated.customerId() != null) {
      return id.equals(repeated.customerId());
    }
    String phone = blankToNull(customer.phone());
    String email = blankToNull(customer.email());
    return customer.name().trim().equalsIgnoreCase(repeated.customerName())
        && (phone != null && phone.equals(repeated.customerPhone())
            || email != null && email.equalsIgnoreCase(repeated.customerEmail()));
  }

  /** The transfer facts choose Regulation E rows: a complaint that names another regime cannot carry them. */
  private static void checkTransferFacts(ComplaintSubmission submission) {
    var transfer = submission.electronicFundTransfer();
    if (transfer != null && transfer.any() && submission.regime() != null && !submission.regime().equals("US-REG-E")) {
      throw new InvalidFieldException("electronicFundTransfer", "applies to Regulation E complaints (regime"
          + " US-REG-E) only; this one names " + submission.regime());
    }
  }

  /** The billing cycle sets a Regulation Z limit: a complaint that names another regime cannot carry it. */
  private static void checkBillingCycle(ComplaintSubmission submission) {
    if (submission.billingCycle() != null && submission.regime() != null && !submission.regime().equals("US-REG-Z")) {
      throw new InvalidFieldException("billingCycle", "applies to Regulation Z billing-error notices (regime"
          + " US-REG-Z) only; this one names " + submission.regime());
    }
  }

  private OffsetDateTime receivedAt(ComplaintSubmission submission) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (submission.receivedAt() == null) {
      return now;
    }
    if (submission.receivedAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidFieldException("receivedAt", "must not be in the future");
    }
    return submission.receivedAt();
  }

  private ComplaintRecord newRecord(String number, ComplaintSubmission s, String reference, OffsetDateTime receivedAt) {
    var customer = s.customer();
    var amount = s.disputedAmount();
    return new ComplaintRecord(number, s.channel(), reference, receivedAt, blankToNull(customer.customerId()),
        customer.name().trim(), blankToNull(customer.phone()), blankToNull(customer.email()), customer.language(),
        customer.dateOfBirth(), customer.isVulnerable(), s.product(), s.issue().trim(), s.narrative(),
        amount == null ? null : amount.amount(), amount == null ? null : amount.currency(), s.isInquiryOnly(),
        ComplaintStatus.OPEN, Stage.INTAKE, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
  }

  private Map<String, Object> startVariables(ComplaintRecord r, OffsetDateTime receivedAt) {
    Map<String, Object> variables = new HashMap<>();
    COMPLAINT_NUMBER.put(variables, r.complaintNumber());
    CUSTOMER_NAME.put(variables, r.customerName());
    CUSTOMER_VULNERABLE.put(variables, r.customerVulnerable());
    CUSTOMER_AGE.put(variables, r.customerBirthDate() == null ? null
        : (long) Period.between(r.customerBirthDate(), receivedAt.atZoneSameInstant(zone).toLocalDate()).getYears());
    PRODUCT.put(variables, r.product().name());
    PRODUCT_LABEL.put(variables, r.product().label());
    ISSUE.put(variables, r.issue());
    NARRATIVE.put(variables, excerpt(r.narrative()));
    CHANNEL.put(variables, r.channel().name());
    RECEIVED_AT.put(variables, Date.from(receivedAt.toInstant()));
    DISPUTED_AMOUNT.put(variables, r.disputedAmount());
    DISPUTED_CURRENCY.put(variables, r.disputedCurrency());
    INQUIRY_ONLY.put(variables, r.inquiryOnly());
    return variables;
  }

  static String excerpt(String narrative) {
    return narrative.length() <= NARRATIVE_EXCERPT_LENGTH ? narrative
        : narrative.substring(0, NARRATIVE_EXCERPT_LENGTH - 1) + "…";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

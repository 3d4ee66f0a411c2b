package io.disputeflow.intake;

import io.disputeflow.casefile.ComplaintQueries;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.deadline.PeriodRestart;
import io.disputeflow.intake.IntakeResult.Outcome;
import io.disputeflow.process.ActingUser;
import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.representative.Representatives;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a complaint in: the complaint record and the process start are one transaction, so a
 * failure anywhere up to the first wait state leaves neither behind. A submission seen before (the
 * channel's reference) is answered with its case; one that joins an open case ({@link OpenCaseMatcher})
 * is added to it; any other becomes a {@link NewComplaint}.
 */
@Service
public class IntakeService {

  /** Channel systems' clocks drift; a receipt time this little ahead of ours is not "in the future". */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ComplaintRepository complaints;
  private final ComplaintQueries queries;
  private final OpenCaseMatcher openCases;
  private final NewComplaint newComplaint;
  private final ActingUser actingUser;
  private final PeriodRestart periodRestart;
  private final Clock clock;
  private final IntakeMeters meters;
  private final Representatives representatives;

  IntakeService(ComplaintRepository complaints, ComplaintQueries queries, OpenCaseMatcher openCases,
      NewComplaint newComplaint, ActingUser actingUser, PeriodRestart periodRestart, Clock clock,
      IntakeMeters meters, Representatives representatives) {
    this.representatives = representatives;
    this.periodRestart = periodRestart;
    this.complaints = complaints;
    this.queries = queries;
    this.openCases = openCases;
    this.newComplaint = newComplaint;
    this.actingUser = actingUser;
    this.clock = clock;
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
    Optional<ComplaintRecord> openCase = openCases.find(submission);
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
    String number = newComplaint.start(submission, reference, receivedAt);
    return new Taken(number, Outcome.CREATED);
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
}

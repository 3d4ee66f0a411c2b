package io.disputeflow.resolution;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CONTEST_WITHIN;
import static io.disputeflow.process.ComplaintVariables.DECISION;
import static io.disputeflow.process.ComplaintVariables.INVESTIGATION_FINDINGS;
import static io.disputeflow.process.ComplaintVariables.REGIME;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.correspondence.LetterService;
import io.disputeflow.deadline.ContestWindow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_send_summary_resolution: the customer accepted the coordinator's response by the close of the
 * third business day (checked when the investigation was completed, {@link SummaryResolutionListener}).
 * The response goes on file as the decision, which stops the clock and the eight-week letter, and the
 * summary resolution communication (FCA DISP 1.5.4R) states the Ombudsman referral right.
 */
@Component
class SendSummaryResolutionDelegate implements JavaDelegate {

  static final String SUMMARY_RESOLUTION = "SUMMARY_RESOLUTION";

  private final ComplaintRepository complaints;
  private final LetterService letters;
  private final ContestWindow contestWindow;
  private final Clock clock;

  SendSummaryResolutionDelegate(ComplaintRepository complaints, LetterService letters, ContestWindow contestWindow,
      Clock clock) {
    this.complaints = complaints;
    this.letters = letters;
    this.contestWindow = contestWindow;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    String findings = INVESTIGATION_FINDINGS.get(execution);
    complaints.updateDecision(number, DECISION.get(execution), BigDecimal.ZERO, findings);
    complaints.updateResolutionOutcome(number, SUMMARY_RESOLUTION);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String regime = REGIME.get(execution);
    String referWithin = CONTEST_WITHIN.get(execution);
    letters.queueSummaryResolution(number, findings,
        posted -> contestWindow.statedUntil(regime, referWithin, now, posted));
  }
}

package io.disputeflow.resolution;

import static io.disputeflow.process.ComplaintVariables.COMPENSATION_AMOUNT;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DECISION;
import static io.disputeflow.process.ComplaintVariables.RESOLUTION_OUTCOME;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_GROUNDS;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_OUTCOME;
import static io.disputeflow.process.ComplaintVariables.REVISED_COMPENSATION_AMOUNT;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.correspondence.LetterService;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_issue_reverification_decision: the re-verification (核查) outcome goes on file and to the customer. */
@Component
class IssueReverificationDecisionDelegate implements JavaDelegate {

  static final String REVERIFIED = "REVERIFIED";
  static final String REVISED = "REVISED";

  private final ComplaintRepository complaints;
  private final LetterService letters;

  IssueReverificationDecisionDelegate(ComplaintRepository complaints, LetterService letters) {
    this.complaints = complaints;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    if (REVISED.equals(REVERIFICATION_OUTCOME.get(execution))) {
      BigDecimal revised = REVISED_COMPENSATION_AMOUNT.get(execution);
      BigDecimal compensation = revised != null ? revised : COMPENSATION_AMOUNT.get(execution);
      COMPENSATION_AMOUNT.set(execution, compensation);
      complaints.updateDecision(number, DECISION.get(execution), compensation, REVERIFICATION_GROUNDS.get(execution));
    }
    RESOLUTION_OUTCOME.set(execution, REVERIFIED);
    complaints.updateResolutionOutcome(number, REVERIFIED);
    complaints.updateReverificationOutcome(number, REVERIFICATION_OUTCOME.get(execution));
    letters.queueReverificationDecision(number, REVERIFICATION_OUTCOME.get(execution),
        REVERIFICATION_GROUNDS.get(execution));
  }
}

package io.disputeflow.resolution;

import static io.disputeflow.process.ComplaintVariables.COMPENSATION_AMOUNT;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CONTEST_WITHIN;
import static io.disputeflow.process.ComplaintVariables.DECISION;
import static io.disputeflow.process.ComplaintVariables.DECISION_GROUNDS;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.correspondence.LetterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_issue_decision_letter: the decision goes on file and its letter (with the remedies) is queued. */
@Component
class IssueDecisionLetterDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final LetterService letters;

  IssueDecisionLetterDelegate(ComplaintRepository complaints, LetterService letters) {
    this.complaints = complaints;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    complaints.updateDecision(number, DECISION.get(execution), COMPENSATION_AMOUNT.get(execution),
        DECISION_GROUNDS.get(execution));
    // the contest window's timer starts right after this task: the letter names the day it closes
    letters.queueDecision(number, CONTEST_WITHIN.get(execution));
  }
}

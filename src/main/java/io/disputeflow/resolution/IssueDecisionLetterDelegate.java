package io.disputeflow.resolution;

import static io.disputeflow.process.ComplaintVariables.COMPENSATION_AMOUNT;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CONTEST_WITHIN;
import static io.disputeflow.process.ComplaintVariables.DECISION;
import static io.disputeflow.process.ComplaintVariables.DECISION_GROUNDS;
import static io.disputeflow.process.ComplaintVariables.REGIME;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.correspondence.LetterService;
import io.disputeflow.deadline.ContestWindow;
import io.disputeflow.deadline.DecisionClock;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_issue_decision_letter: the decision goes on file and its letter (with the remedies) is queued. */
@Component
class IssueDecisionLetterDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final LetterService letters;
  private final ContestWindow contestWindow;
  private final Clock clock;
  private final DecisionClock decisionClock;

  IssueDecisionLetterDelegate(ComplaintRepository complaints, LetterService letters, ContestWindow contestWindow,
      Clock clock, DecisionClock decisionClock) {
    this.decisionClock = decisionClock;
    this.complaints = complaints;
    this.letters = letters;
    this.contestWindow = contestWindow;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    complaints.updateDecision(number, DECISION.get(execution), COMPENSATION_AMOUNT.get(execution),
        DECISION_GROUNDS.get(execution));
    // the letter names the day the contest window closes if it reaches the customer as expected (an
    // e-mail now, a posted letter after the deemed delivery); the window counts from its actual receipt
    OffsetDateTime now = OffsetDateTime.now(clock);
    String regime = REGIME.get(execution);
    String contestWithin = CONTEST_WITHIN.get(execution);
    letters.queueDecision(number, posted -> contestWindow.statedUntil(regime, contestWithin, now, posted));
    decisionClock.decisionRecorded(execution);
  }
}

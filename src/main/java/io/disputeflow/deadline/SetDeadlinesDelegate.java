package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.CATEGORY;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CONTEST_WITHIN;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.PRIORITY;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_WITHIN;
import static io.disputeflow.process.ComplaintVariables.SURVEY_WITHIN;

import io.disputeflow.complaint.ComplaintRepository;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * service_set_deadlines: the regulatory clock starts at receipt. Regulatory days are calendar days
 * in the bank's zone; the windows the later stages wait for are kept as durations.
 */
@Component
class SetDeadlinesDelegate implements JavaDelegate {

  private final DeadlinePolicyService policies;
  private final ComplaintRepository complaints;
  private final ZoneId zone;

  SetDeadlinesDelegate(DeadlinePolicyService policies, ComplaintRepository complaints,
      @Value("${disputeflow.zone}") ZoneId zone) {
    this.policies = policies;
    this.complaints = complaints;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String regime = REGIME.get(execution);
    DeadlinePolicy policy = policies.policyFor(regime, CATEGORY.get(execution), PRIORITY.get(execution));
    ZonedDateTime receivedAt = RECEIVED_AT.get(execution).toInstant().atZone(zone);
    ZonedDateTime decisionDueAt = IsoDurations.add(receivedAt, policy.decideWithin());
    DECISION_DUE_AT.set(execution, Date.from(decisionDueAt.toInstant()));
    CONTEST_WITHIN.set(execution, policy.contestWithin());
    SURVEY_WITHIN.set(execution, policy.surveyWithin());
    REVERIFICATION_WITHIN.set(execution, policy.reverificationWithin());
    complaints.updateDeadlines(COMPLAINT_NUMBER.get(execution), regime, decisionDueAt.toOffsetDateTime());
  }
}

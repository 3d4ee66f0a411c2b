package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.BILLING_CYCLE_CLOSING_DAY;
import static io.disputeflow.process.ComplaintVariables.CATEGORY;
import static io.disputeflow.process.ComplaintVariables.CHANNEL;
import static io.disputeflow.process.ComplaintVariables.CONTEST_WITHIN;
import static io.disputeflow.process.ComplaintVariables.PERIOD_STARTED_AT;
import static io.disputeflow.process.ComplaintVariables.PRIORITY;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_WITHIN;
import static io.disputeflow.process.ComplaintVariables.SURVEY_WITHIN;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_FOREIGN_INITIATED;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_NEW_ACCOUNT;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_POINT_OF_SALE;

import io.disputeflow.process.TaskInput;
import io.disputeflow.time.BankTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_set_deadlines: the clock starts at receipt with the periods of the latest
 * deadline-policy row for the complaint's regime (named at intake, or chosen now by
 * regime-selection.dmn), category and priority. The dates are fixed now, so
 * a new policy version changes only complaints received after its deployment. A deployed model the
 * clock cannot use never fails the intake request: see {@link ModelFaultHandling}.
 */
@Component
class SetDeadlinesDelegate implements JavaDelegate {

  @TaskInput(ModelFaultHandling.class)
  static final String ON_MODEL_FAULT = "onModelFault";

  private final DeadlinePolicyService policies;
  private final RegimeSelectionService regimes;
  private final ClockStart clock;
  private final ZoneId zone;

  SetDeadlinesDelegate(DeadlinePolicyService policies, RegimeSelectionService regimes, ClockStart clock,
      BankTime bankTime) {
    this.policies = policies;
    this.regimes = regimes;
    this.clock = clock;
    this.zone = bankTime.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object onFault = execution.getVariableLocal(ON_MODEL_FAULT);
    if (onFault == null) {
      throw new IllegalStateException("Task " + execution.getCurrentActivityId() + " names no onModelFault");
    }
    try {
      setDeadlines(execution);
    } catch (DeadlineModelFault fault) {
      if (ModelFaultHandling.valueOf(onFault.toString()) == ModelFaultHandling.BPMN_ERROR) {
        throw new BpmnError(DeadlineModelFault.ERROR_CODE, fault.getMessage());
      }
      throw fault;
    }
  }

  private void setDeadlines(DelegateExecution execution) {
    String regime = REGIME.get(execution);
    if (regime == null) {
      regime = regimes.select(CHANNEL.get(execution), PRODUCT.get(execution), CATEGORY.get(execution));
    }
    TransferFacts transfer = TransferFacts.of(TRANSFER_NEW_ACCOUNT.get(execution),
        TRANSFER_POINT_OF_SALE.get(execution), TRANSFER_FOREIGN_INITIATED.get(execution));
    DeadlinePolicy policy = policies.policyFor(regime, CATEGORY.get(execution), PRIORITY.get(execution), transfer);
    REGIME.set(execution, regime);
    // a reopened case's period counts from the reopening (its periodStartedAt), a new one from receipt
    java.util.Date periodStart = PERIOD_STARTED_AT.get(execution) != null ? PERIOD_STARTED_AT.get(execution)
        : RECEIVED_AT.get(execution);
    ZonedDateTime receivedAt = periodStart.toInstant().atZone(zone);
    Long closingDay = BILLING_CYCLE_CLOSING_DAY.get(execution);
    clock.start(execution, regime, receivedAt, policy, transfer,
        closingDay == null ? null : new BillingCycle(closingDay.intValue()));
    CONTEST_WITHIN.set(execution, policy.contestWithin());
    clock.recordContestWithin(execution, policy.contestWithin());
    SURVEY_WITHIN.set(execution, policy.surveyWithin());
    REVERIFICATION_WITHIN.set(execution, policy.reverificationWithin());
  }
}

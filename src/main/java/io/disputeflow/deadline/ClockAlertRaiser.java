package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.ACKNOWLEDGEMENT_ALERTED;
import static io.disputeflow.process.ComplaintVariables.ACKNOWLEDGEMENT_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.CLOCK_STATE;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.LEGAL_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.RESULT_REPORT_ALERTED;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.REVIEW_DUE_AT;

import io.disputeflow.time.BankTime;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Raises a clock alert: records it with the due date it is about, moves the clock's state (a warning,
 * an overdue decision) and raises the priority of the case's open tasks in Tasklist.
 */
@Component
class ClockAlertRaiser {

  static final int WARNING_PRIORITY = 75;
  static final int OVERDUE_PRIORITY = 100;

  private final ClockRepository clocks;
  private final DecisionClock decisionClock;
  private final CaseDueDates dueDates;
  private final BankTime bankTime;

  ClockAlertRaiser(ClockRepository clocks, DecisionClock decisionClock, CaseDueDates dueDates, BankTime bankTime) {
    this.clocks = clocks;
    this.decisionClock = decisionClock;
    this.dueDates = dueDates;
    this.bankTime = bankTime;
  }

  void raise(DelegateExecution execution, ClockAlert alert) {
    String number = COMPLAINT_NUMBER.get(execution);
    OffsetDateTime now = bankTime.now();
    Date dueAt = switch (alert) {
      case DECISION_WARNING, DECISION_BREACH -> DECISION_DUE_AT.get(execution);
      case REVIEW_OVERDUE -> REVIEW_DUE_AT.get(execution);
      case LEGAL_OPINION_OVERDUE -> LEGAL_DUE_AT.get(execution);
      case REVERIFICATION_BREACH -> REVERIFICATION_DUE_AT.get(execution);
      case ACKNOWLEDGEMENT_BREACH -> ACKNOWLEDGEMENT_DUE_AT.get(execution);
      case RESULT_REPORT_BREACH -> decisionClock.pendingResultReportDueAt(execution);
    };
    clocks.raise(number, alert, dueDates.offset(dueAt), now);
    if (alert == ClockAlert.DECISION_WARNING) {
      CLOCK_STATE.set(execution, ClockState.WARNING.name());
      raisePriority(execution, number, WARNING_PRIORITY);
    } else if (alert == ClockAlert.DECISION_BREACH) {
      CLOCK_STATE.set(execution, ClockState.OVERDUE.name());
      clocks.markOverdue(number, now);
      raisePriority(execution, number, OVERDUE_PRIORITY);
    } else if (alert == ClockAlert.REVERIFICATION_BREACH) {
      raisePriority(execution, number, OVERDUE_PRIORITY);
    } else if (alert == ClockAlert.ACKNOWLEDGEMENT_BREACH) {
      ACKNOWLEDGEMENT_ALERTED.set(execution, true);
      raisePriority(execution, number, WARNING_PRIORITY);
    } else if (alert == ClockAlert.RESULT_REPORT_BREACH) {
      RESULT_REPORT_ALERTED.set(execution, true);
      raisePriority(execution, number, WARNING_PRIORITY);
    }
  }

  private static void raisePriority(DelegateExecution execution, String number, int priority) {
    var taskService = execution.getProcessEngineServices().getTaskService();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(number).list()) {
      if (task.getPriority() < priority) {
        taskService.setPriority(task.getId(), priority);
      }
    }
  }
}

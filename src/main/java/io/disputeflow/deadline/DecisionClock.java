package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.ACKNOWLEDGEMENT_ALERTED;
import static io.disputeflow.process.ComplaintVariables.ACKNOWLEDGEMENT_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.CLOCK_STATE;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.DECISION_WARNING_AT;
import static io.disputeflow.process.ComplaintVariables.RESULT_REPORT_ALERTED;

import io.disputeflow.process.ComplaintHandlingProcess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The regulatory clock of a complaint's decision, as the clock branch of complaint-handling.bpmn asks
 * it: what comes next ({@link #step}), when ({@link #nextAlertAt}) and whether the deadline may still
 * be extended. What the clock's service tasks do lives beside it: {@link ClockStart} sets the due
 * dates, {@link ClockAlertRaiser} raises alerts, {@link DeadlineExtension} extends, {@link ClockPause}
 * pauses and resumes, and {@link CaseDueDates} moves a case's tasks and timers with its due dates.
 */
@Component("decisionClock")
public class DecisionClock {

  /** What the clock branch does next; the names are the gateway's conditions. */
  public enum Step { STOPPED, WARN, BREACH, BREACH_HANDLED, ACKNOWLEDGEMENT_BREACH, RESULT_REPORT_BREACH, WAIT }

  private final ClockRepository clocks;
  private final RegimeCalendars calendars;
  private final Clock clock;

  DecisionClock(ClockRepository clocks, RegimeCalendars calendars, Clock clock) {
    this.clocks = clocks;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** Undecided and not closed: the decision clock still runs. */
  public boolean isOpen(String complaintNumber) {
    return clocks.isUndecided(complaintNumber);
  }

  public String step(DelegateExecution execution) {
    Date now = Date.from(clock.instant());
    if (!isOpen(COMPLAINT_NUMBER.get(execution))) {
      // decided: under Regulation E the clock still waits for the result report
      Date reportDue = pendingResultReportDueAt(execution);
      return (reportDue == null ? Step.STOPPED : reportDue.after(now) ? Step.WAIT : Step.RESULT_REPORT_BREACH).name();
    }
    Date acknowledgementDue = pendingAcknowledgementDueAt(execution);
    if (acknowledgementDue != null && !acknowledgementDue.after(now)) {
      return Step.ACKNOWLEDGEMENT_BREACH.name();
    }
    ClockState state = stateOf(execution);
    if (!DECISION_DUE_AT.get(execution).after(now)) {
      return (state == ClockState.OVERDUE ? Step.BREACH_HANDLED : Step.BREACH).name();
    }
    if (state == ClockState.ON_TRACK && !DECISION_WARNING_AT.get(execution).after(now)) {
      return Step.WARN.name();
    }
    return Step.WAIT.name();
  }

  /**
   * The clock branch's timer: the warning until it has been given, then the deadline; before either,
   * a Regulation Z acknowledgement due date while no acknowledgement has gone out.
   */
  public Date nextAlertAt(DelegateExecution execution) {
    if (!isOpen(COMPLAINT_NUMBER.get(execution))) {
      Date reportDue = pendingResultReportDueAt(execution);
      if (reportDue != null) {
        return reportDue;
      }
    }
    Date next = stateOf(execution) == ClockState.ON_TRACK ? DECISION_WARNING_AT.get(execution)
        : DECISION_DUE_AT.get(execution);
    Date acknowledgementDue = pendingAcknowledgementDueAt(execution);
    return acknowledgementDue != null && acknowledgementDue.before(next) ? acknowledgementDue : next;
  }

  /** An acknowledgement due date not yet met (no acknowledgement sent or posted) and not yet alerted; else null. */
  private Date pendingAcknowledgementDueAt(DelegateExecution execution) {
    Date due = ACKNOWLEDGEMENT_DUE_AT.get(execution);
    if (due == null || Boolean.TRUE.equals(ACKNOWLEDGEMENT_ALERTED.get(execution))) {
      return null;
    }
    return clocks.acknowledgedAt(COMPLAINT_NUMBER.get(execution)).isPresent() ? null : due;
  }

  /**
   * Regulation E, 12 CFR 1005.11(c)(2)(iv), (d)(1): decided, with a reportResultWithin period, and the
   * decision letter (the report) not gone out and not yet alerted: when the report is due; else null.
   */
  Date pendingResultReportDueAt(DelegateExecution execution) {
    if (Boolean.TRUE.equals(RESULT_REPORT_ALERTED.get(execution))) {
      return null;
    }
    String number = COMPLAINT_NUMBER.get(execution);
    ClockRepository.ClockRecord record = clocks.clockOf(number).orElse(null);
    if (record == null || record.reportResultWithin() == null) {
      return null;
    }
    OffsetDateTime decidedAt = clocks.decidedAt(number).orElse(null);
    if (decidedAt == null || clocks.resultReportedAt(number).isPresent()) {
      return null;
    }
    return Date.from(calendars.forRegime(record.regime()).dueAt(decidedAt.toZonedDateTime(), record.reportResultWithin())
        .toInstant());
  }

  /**
   * The decision is on file: under Regulation E the clock's timer moves to the result report's due date
   * (it was waiting for the decision's warning or deadline, which no longer matter).
   */
  public void decisionRecorded(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    if (clocks.clockOf(number).map(ClockRepository.ClockRecord::reportResultWithin).isEmpty()) {
      return;
    }
    var engine = execution.getProcessEngineServices();
    ProcessInstance main = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ComplaintHandlingProcess.KEY).processInstanceBusinessKey(number)
        .singleResult();
    if (main == null) {
      return;
    }
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(main.getId())
        .activityId(ComplaintHandlingProcess.TIMER_NEXT_CLOCK_ALERT).timers().list()) {
      engine.getManagementService().recalculateJobDuedate(job.getId(), false);
    }
  }

  public boolean canExtend(DelegateExecution execution) {
    int used = DeadlineExtension.extensionsUsed(execution);
    return used < 2 && !isZero(DeadlineExtension.nextExtension(execution, used))
        && isOpen(COMPLAINT_NUMBER.get(execution));
  }

  /** The supervisor approves the first extension, the head of consumer protection the second. */
  public String extensionApprover(DelegateExecution execution) {
    return DeadlineExtension.extensionsUsed(execution) == 0 ? "supervisor" : "head-of-consumer-protection";
  }

  /** "P0D" (or nothing) in a policy row: this regime grants no such extension. */
  private static boolean isZero(String period) {
    return period == null || LegalPeriod.parse(period).isZero();
  }

  private static ClockState stateOf(DelegateExecution execution) {
    String state = CLOCK_STATE.get(execution);
    return state == null ? ClockState.ON_TRACK : ClockState.valueOf(state);
  }
}

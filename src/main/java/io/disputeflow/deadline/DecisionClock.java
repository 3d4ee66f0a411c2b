package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.ACKNOWLEDGEMENT_ALERTED;
import static io.disputeflow.process.ComplaintVariables.ACKNOWLEDGEMENT_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.CLOCK_PAUSE_REASON;
import static io.disputeflow.process.ComplaintVariables.CLOCK_STATE;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.DECISION_PERIOD;
import static io.disputeflow.process.ComplaintVariables.DECISION_WARNING_AT;
import static io.disputeflow.process.ComplaintVariables.EXTENSIONS_USED;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_APPROVED;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_COMMENT;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_DECIDED_BY;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_REASON;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_REQUESTED_AT;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_REQUESTED_BY;
import static io.disputeflow.process.ComplaintVariables.FIRST_EXTENSION;
import static io.disputeflow.process.ComplaintVariables.LEGAL_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.PERIOD_STARTED_AT;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.RESULT_REPORT_ALERTED;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_WITHIN;
import static io.disputeflow.process.ComplaintVariables.REVIEW_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.SECOND_EXTENSION;
import static io.disputeflow.process.ComplaintVariables.WARN_BEFORE;

import io.disputeflow.correspondence.LetterService;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.process.ProcessVariable;
import io.disputeflow.time.BankTime;
import io.disputeflow.time.IsoDurations;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The regulatory clock of a complaint's decision. The clock branch of
 * complaint-handling.bpmn asks it what comes next ({@link #step}) and when ({@link #nextAlertAt});
 * the clock's service tasks call it to raise alerts, extend, pause and resume. Whenever a due date
 * moves, the case's open tasks and the timers that read it move with it, so no stale timer fires.
 */
@Component("decisionClock")
public class DecisionClock {

  /** What the clock branch does next; the names are the gateway's conditions. */
  public enum Step { STOPPED, WARN, BREACH, BREACH_HANDLED, ACKNOWLEDGEMENT_BREACH, RESULT_REPORT_BREACH, WAIT }

  static final int WARNING_PRIORITY = 75;
  static final int OVERDUE_PRIORITY = 100;
  private static final List<ProcessVariable<Date>> INTERNAL_DUE_DATES = List.of(REVIEW_DUE_AT, LEGAL_DUE_AT);

  private final ClockRepository clocks;
  private final LetterService letters;
  private final WorkingDayCalendar workingDays;
  private final RegimeCalendars calendars;
  private final Clock clock;
  private final ZoneId zone;

  DecisionClock(ClockRepository clocks, LetterService letters, WorkingDayCalendar workingDays,
      RegimeCalendars calendars, Clock clock, BankTime bankTime) {
    this.clocks = clocks;
    this.letters = letters;
    this.workingDays = workingDays;
    this.calendars = calendars;
    this.clock = clock;
    this.zone = bankTime.zone();
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
  private Date pendingResultReportDueAt(DelegateExecution execution) {
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
        .processDefinitionKey(io.disputeflow.process.ComplaintHandlingProcess.KEY).processInstanceBusinessKey(number)
        .singleResult();
    if (main == null) {
      return;
    }
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(main.getId())
        .activityId(io.disputeflow.process.ComplaintHandlingProcess.TIMER_NEXT_CLOCK_ALERT).timers().list()) {
      engine.getManagementService().recalculateJobDuedate(job.getId(), false);
    }
  }

  public boolean canExtend(DelegateExecution execution) {
    int used = extensionsUsed(execution);
    return used < 2 && !isZero(nextExtension(execution, used)) && isOpen(COMPLAINT_NUMBER.get(execution));
  }

  /** The supervisor approves the first extension, the head of consumer protection the second. */
  public String extensionApprover(DelegateExecution execution) {
    return extensionsUsed(execution) == 0 ? "supervisor" : "head-of-consumer-protection";
  }

  /**
   * At intake: every due date from the receipt time and the policy row, counted on the regime's
   * calendar ({@link JurisdictionCalendar#dueAt}); internal targets count the bank's working days.
   */
  void start(DelegateExecution execution, String regime, ZonedDateTime receivedAt, DeadlinePolicy policy,
      TransferFacts transfer, BillingCycle billingCycle) {
    ZonedDateTime decisionDueAt = calendars.forRegime(regime).dueAt(receivedAt, policy.decideWithin());
    String resolutionLimit = null;
    if (Regime.US_REG_Z.code().equals(regime)) {
      // 12 CFR 1026.13(c)(2): two complete billing cycles, never later than the policy's 90 days
      BillingCycle.Resolution resolution = BillingCycle.resolutionDue(billingCycle, receivedAt, decisionDueAt,
          calendars.forRegime(regime));
      decisionDueAt = resolution.dueAt();
      resolutionLimit = resolution.limit().name();
    }
    ZonedDateTime warningAt = IsoDurations.subtract(decisionDueAt, orZero(policy.warnBefore()));
    ZonedDateTime reviewDueAt = internalDueAt(receivedAt, policy.departmentReviewWithin(), decisionDueAt);
    ZonedDateTime legalDueAt = internalDueAt(receivedAt, policy.legalOpinionWithin(), decisionDueAt);
    DECISION_DUE_AT.set(execution, Date.from(decisionDueAt.toInstant()));
    DECISION_PERIOD.set(execution, policy.decideWithin());
    DECISION_WARNING_AT.set(execution, Date.from(warningAt.toInstant()));
    REVIEW_DUE_AT.set(execution, Date.from(reviewDueAt.toInstant()));
    LEGAL_DUE_AT.set(execution, Date.from(legalDueAt.toInstant()));
    WARN_BEFORE.set(execution, orZero(policy.warnBefore()));
    FIRST_EXTENSION.set(execution, orZero(policy.extendedTo()));
    SECOND_EXTENSION.set(execution, orZero(policy.furtherExtendedTo()));
    EXTENSIONS_USED.set(execution, 0L);
    CLOCK_STATE.set(execution, ClockState.ON_TRACK.name());
    String number = COMPLAINT_NUMBER.get(execution);
    clocks.start(number, regime, new ClockRepository.Deadlines(decisionDueAt.toOffsetDateTime(),
        warningAt.toOffsetDateTime(), reviewDueAt.toOffsetDateTime(), legalDueAt.toOffsetDateTime()));
    ZonedDateTime acknowledgementDueAt = policy.acknowledgeWithin() == null ? null
        : calendars.forRegime(regime).dueAt(receivedAt, policy.acknowledgeWithin());
    ACKNOWLEDGEMENT_DUE_AT.set(execution, acknowledgementDueAt == null ? null : Date.from(acknowledgementDueAt.toInstant()));
    clocks.setRegulationDetails(number, acknowledgementDueAt == null ? null : acknowledgementDueAt.toOffsetDateTime(),
        policy.reportResultWithin(), transfer.codes());
    if (resolutionLimit != null) {
      clocks.setResolutionLimit(number, billingCycle == null ? null : billingCycle.closingDay(), resolutionLimit);
    }
  }

  /**
   * An internal target: whole days are the bank's working days (P5D: the end of the fifth working
   * day after receipt), a duration under a day is exact; a policy that leaves it out gets the decision's.
   */
  private ZonedDateTime internalDueAt(ZonedDateTime receivedAt, String within, ZonedDateTime decisionDueAt) {
    if (within == null) {
      return decisionDueAt;
    }
    LegalPeriod period = LegalPeriod.parse(within);
    if (period.kind() == LegalPeriod.Kind.CALENDAR) {
      period = LegalPeriod.parse("P" + IsoDurations.wholeDays(within) + "BD");
    }
    return calendars.bank().dueAt(receivedAt, period);
  }

  private static String orZero(String period) {
    return period == null ? "P0D" : period;
  }

  void recordContestWithin(DelegateExecution execution, String contestWithin) {
    clocks.setContestWithin(COMPLAINT_NUMBER.get(execution), contestWithin);
  }

  void raise(DelegateExecution execution, ClockAlert alert) {
    String number = COMPLAINT_NUMBER.get(execution);
    OffsetDateTime now = now();
    Date dueAt = switch (alert) {
      case DECISION_WARNING, DECISION_BREACH -> DECISION_DUE_AT.get(execution);
      case REVIEW_OVERDUE -> REVIEW_DUE_AT.get(execution);
      case LEGAL_OPINION_OVERDUE -> LEGAL_DUE_AT.get(execution);
      case REVERIFICATION_BREACH -> REVERIFICATION_DUE_AT.get(execution);
      case ACKNOWLEDGEMENT_BREACH -> ACKNOWLEDGEMENT_DUE_AT.get(execution);
      case RESULT_REPORT_BREACH -> pendingResultReportDueAt(execution);
    };
    clocks.raise(number, alert, dueAt == null ? null : offset(dueAt), now);
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

  void extend(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    int used = extensionsUsed(execution);
    if (used >= 2) {
      throw new IllegalStateException("A decision deadline can be extended twice at most: " + number);
    }
    Date previousDue = DECISION_DUE_AT.get(execution);
    Date previousWarning = DECISION_WARNING_AT.get(execution);
    // the law extends the period counted from receipt (CN: "延长至30日"), not from a due date moved off a holiday
    JurisdictionCalendar calendar = calendars.forRegime(REGIME.get(execution));
    String extension = nextExtension(execution, used);
    ZonedDateTime newDue;
    if (DECISION_PERIOD.get(execution) == null) {
      // a case started before periods were counted from receipt: its policy's extensions are additions
      newDue = IsoDurations.add(previousDue.toInstant().atZone(zone), extension);
    } else {
      // the extended period counts from receipt (not from a due date moved off a holiday), plus the time paused
      // a repeat complaint with new facts restarted the period: count from then, with the time paused since
      Date periodStart = PERIOD_STARTED_AT.get(execution) == null ? RECEIVED_AT.get(execution)
          : PERIOD_STARTED_AT.get(execution);
      long pausedSeconds = clocks.pausesOf(number).stream()
          .filter(p -> p.pausedSeconds() != null && !p.pausedAt().toInstant().isBefore(periodStart.toInstant()))
          .mapToLong(ClockRepository.PauseRecord::pausedSeconds).sum();
      newDue = calendar.dueAt(periodStart.toInstant().plusSeconds(pausedSeconds).atZone(zone), extension);
      DECISION_PERIOD.set(execution, extension);
    }
    ZonedDateTime newWarning = IsoDurations.subtract(newDue, WARN_BEFORE.get(execution));
    DECISION_DUE_AT.set(execution, Date.from(newDue.toInstant()));
    DECISION_WARNING_AT.set(execution, Date.from(newWarning.toInstant()));
    // a running stage holds its own copy, which its later tasks' due dates read
    for (String instance : instancesOf(execution)) {
      if (instance.equals(execution.getProcessInstanceId())) {
        continue;
      }
      replaceLocal(execution.getProcessEngineServices(), instance, DECISION_DUE_AT, Date.from(newDue.toInstant()));
      replaceLocal(execution.getProcessEngineServices(), instance, DECISION_WARNING_AT,
          Date.from(newWarning.toInstant()));
    }
    EXTENSIONS_USED.set(execution, (long) used + 1);
    CLOCK_STATE.set(execution, stateAfterMove(execution).name());
    clocks.moveDeadlines(number, deadlinesOf(execution));
    clocks.setExtensionsUsed(number, used + 1);
    clocks.recordExtension(number, extensionRecord(execution, used + 1, "APPROVED", previousDue, newDue.toOffsetDateTime()));
    moveOpenTasks(execution, number, due -> due.equals(previousDue) ? Date.from(newDue.toInstant()) : due,
        followUp -> followUp.equals(previousWarning) ? Date.from(newWarning.toInstant()) : followUp);
    recalculateTimers(execution, List.of(execution.getProcessInstanceId()));
    letters.queueExtensionNotice(number, newDue.toOffsetDateTime(), EXTENSION_REASON.get(execution));
    forgetApproval(execution);
  }

  void refuseExtension(DelegateExecution execution) {
    clocks.recordExtension(COMPLAINT_NUMBER.get(execution),
        extensionRecord(execution, extensionsUsed(execution) + 1, "REFUSED", DECISION_DUE_AT.get(execution), null));
    forgetApproval(execution);
  }

  /** The approval form's answers are on file now; a later request must start with an empty form. */
  private static void forgetApproval(DelegateExecution execution) {
    execution.removeVariable(EXTENSION_APPROVED.name());
    execution.removeVariable(EXTENSION_COMMENT.name());
  }

  void pause(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    clocks.pause(number, CLOCK_PAUSE_REASON.get(execution), currentUser(execution), now());
    CLOCK_STATE.set(execution, ClockState.PAUSED.name());
    letters.queuePauseNotice(number, CLOCK_PAUSE_REASON.get(execution));
  }

  /**
   * Adds the paused time to every due date of the case: calendar deadlines move by exactly the
   * pause; internal ones too, then to the next working day if they land on a holiday.
   */
  void resume(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    Duration paused = Duration.ofSeconds(clocks.resume(number, currentUser(execution), now()));
    ProcessEngineServices engine = execution.getProcessEngineServices();
    List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).list().stream()
        .map(ProcessInstance::getId).toList();
    for (String instance : instances) {
      shift(engine, instance, DECISION_DUE_AT, paused, false);
      shift(engine, instance, DECISION_WARNING_AT, paused, false);
      INTERNAL_DUE_DATES.forEach(variable -> shift(engine, instance, variable, paused, true));
    }
    CLOCK_STATE.set(execution, stateAfterMove(execution).name());
    clocks.moveDeadlines(number, deadlinesOf(execution));
    moveOpenTasks(execution, number, due -> Date.from(due.toInstant().plus(paused)),
        followUp -> Date.from(followUp.toInstant().plus(paused)));
    recalculateTimers(execution, instances);
  }

  void startReverification(DelegateExecution execution) {
    ZonedDateTime dueAt = calendars.forRegime(REGIME.get(execution))
        .dueAt(ZonedDateTime.now(clock.withZone(zone)), REVERIFICATION_WITHIN.get(execution));
    REVERIFICATION_DUE_AT.set(execution, Date.from(dueAt.toInstant()));
    clocks.setReverificationDue(COMPLAINT_NUMBER.get(execution), dueAt.toOffsetDateTime());
  }

  /** Every running process instance of the case: the main one and the stages it called. */
  private static List<String> instancesOf(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).list().stream()
        .map(ProcessInstance::getId).toList();
  }

  private static void replaceLocal(ProcessEngineServices engine, String instance, ProcessVariable<Date> variable,
      Date value) {
    if (engine.getRuntimeService().getVariableLocal(instance, variable.name()) != null) {
      engine.getRuntimeService().setVariableLocal(instance, variable.name(), value);
    }
  }

  private void shift(ProcessEngineServices engine, String instance, ProcessVariable<Date> variable, Duration by,
      boolean workingDay) {
    Object value = engine.getRuntimeService().getVariableLocal(instance, variable.name());
    if (value instanceof Date date) {
      ZonedDateTime shifted = date.toInstant().plus(by).atZone(zone);
      if (workingDay) {
        shifted = workingDays.nextWorkingTime(shifted);
      }
      engine.getRuntimeService().setVariableLocal(instance, variable.name(), Date.from(shifted.toInstant()));
    }
  }

  private ClockState stateAfterMove(DelegateExecution execution) {
    return ClockState.running(DECISION_DUE_AT.get(execution).toInstant(), DECISION_WARNING_AT.get(execution).toInstant(),
        clock.instant());
  }

  private void moveOpenTasks(DelegateExecution execution, String number,
      java.util.function.UnaryOperator<Date> due, java.util.function.UnaryOperator<Date> followUp) {
    var taskService = execution.getProcessEngineServices().getTaskService();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(number).list()) {
      Date newDue = task.getDueDate() == null ? null : due.apply(task.getDueDate());
      Date newFollowUp = task.getFollowUpDate() == null ? null : followUp.apply(task.getFollowUpDate());
      if (!Objects.equals(newDue, task.getDueDate()) || !Objects.equals(newFollowUp, task.getFollowUpDate())) {
        task.setDueDate(newDue);
        task.setFollowUpDate(newFollowUp);
        taskService.saveTask(task);
      }
    }
  }

  /** Timers read their dates from variables when created: re-evaluate them after a move. */
  private static void recalculateTimers(DelegateExecution execution, List<String> processInstanceIds) {
    var management = execution.getProcessEngineServices().getManagementService();
    for (String instance : processInstanceIds) {
      for (Job job : management.createJobQuery().processInstanceId(instance).timers().list()) {
        management.recalculateJobDuedate(job.getId(), false);
      }
    }
  }

  private void raisePriority(DelegateExecution execution, String number, int priority) {
    var taskService = execution.getProcessEngineServices().getTaskService();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(number).list()) {
      if (task.getPriority() < priority) {
        taskService.setPriority(task.getId(), priority);
      }
    }
  }

  private ClockRepository.ExtensionRecord extensionRecord(DelegateExecution execution, int step, String outcome,
      Date previousDue, OffsetDateTime newDue) {
    Date requestedAt = EXTENSION_REQUESTED_AT.get(execution);
    return new ClockRepository.ExtensionRecord(step, EXTENSION_REASON.get(execution),
        EXTENSION_REQUESTED_BY.get(execution), requestedAt == null ? now() : offset(requestedAt), outcome,
        EXTENSION_DECIDED_BY.get(execution), now(), EXTENSION_COMMENT.get(execution), offset(previousDue), newDue);
  }

  private ClockRepository.Deadlines deadlinesOf(DelegateExecution execution) {
    return new ClockRepository.Deadlines(offset(DECISION_DUE_AT.get(execution)),
        offset(DECISION_WARNING_AT.get(execution)), offsetOrNull(REVIEW_DUE_AT.get(execution)),
        offsetOrNull(LEGAL_DUE_AT.get(execution)));
  }

  private static String nextExtension(DelegateExecution execution, int used) {
    return (used == 0 ? FIRST_EXTENSION : SECOND_EXTENSION).get(execution);
  }

  /** "P0D" (or nothing) in a policy row: this regime grants no such extension. */
  private static boolean isZero(String period) {
    return period == null || LegalPeriod.parse(period).isZero();
  }

  private static int extensionsUsed(DelegateExecution execution) {
    Long used = EXTENSIONS_USED.get(execution);
    return used == null ? 0 : used.intValue();
  }

  private static ClockState stateOf(DelegateExecution execution) {
    String state = CLOCK_STATE.get(execution);
    return state == null ? ClockState.ON_TRACK : ClockState.valueOf(state);
  }

  private static String currentUser(DelegateExecution execution) {
    return EngineUser.id(execution.getProcessEngineServices().getIdentityService());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock.withZone(zone));
  }

  private OffsetDateTime offset(Date date) {
    return date.toInstant().atZone(zone).toOffsetDateTime();
  }

  private OffsetDateTime offsetOrNull(Date date) {
    return date == null ? null : offset(date);
  }
}

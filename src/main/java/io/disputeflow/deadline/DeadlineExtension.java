package io.disputeflow.deadline;

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
import static io.disputeflow.process.ComplaintVariables.PERIOD_STARTED_AT;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.SECOND_EXTENSION;
import static io.disputeflow.process.ComplaintVariables.WARN_BEFORE;

import io.disputeflow.correspondence.LetterService;
import io.disputeflow.time.BankTime;
import io.disputeflow.time.IsoDurations;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * An approved extension of the decision deadline (twice at most: the policy row's first and second
 * extended periods) moves the deadline, its warning, the case's tasks and timers, records the step
 * and queues the extension notice to the customer; a refused one is recorded as such.
 */
@Component
class DeadlineExtension {

  private final ClockRepository clocks;
  private final LetterService letters;
  private final RegimeCalendars calendars;
  private final CaseDueDates dueDates;
  private final BankTime bankTime;

  DeadlineExtension(ClockRepository clocks, LetterService letters, RegimeCalendars calendars, CaseDueDates dueDates,
      BankTime bankTime) {
    this.clocks = clocks;
    this.letters = letters;
    this.calendars = calendars;
    this.dueDates = dueDates;
    this.bankTime = bankTime;
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
      newDue = IsoDurations.add(previousDue.toInstant().atZone(bankTime.zone()), extension);
    } else {
      // the extended period counts from receipt (not from a due date moved off a holiday), plus the time paused
      // a repeat complaint with new facts restarted the period: count from then, with the time paused since
      Date periodStart = PERIOD_STARTED_AT.get(execution) == null ? RECEIVED_AT.get(execution)
          : PERIOD_STARTED_AT.get(execution);
      long pausedSeconds = clocks.pausesOf(number).stream()
          .filter(p -> p.pausedSeconds() != null && !p.pausedAt().toInstant().isBefore(periodStart.toInstant()))
          .mapToLong(ClockRepository.PauseRecord::pausedSeconds).sum();
      newDue = calendar.dueAt(periodStart.toInstant().plusSeconds(pausedSeconds).atZone(bankTime.zone()), extension);
      DECISION_PERIOD.set(execution, extension);
    }
    ZonedDateTime newWarning = IsoDurations.subtract(newDue, WARN_BEFORE.get(execution));
    DECISION_DUE_AT.set(execution, Date.from(newDue.toInstant()));
    DECISION_WARNING_AT.set(execution, Date.from(newWarning.toInstant()));
    // a running stage holds its own copy, which its later tasks' due dates read
    for (String instance : CaseDueDates.instancesOf(execution)) {
      if (instance.equals(execution.getProcessInstanceId())) {
        continue;
      }
      CaseDueDates.replaceLocal(execution.getProcessEngineServices(), instance, DECISION_DUE_AT,
          Date.from(newDue.toInstant()));
      CaseDueDates.replaceLocal(execution.getProcessEngineServices(), instance, DECISION_WARNING_AT,
          Date.from(newWarning.toInstant()));
    }
    EXTENSIONS_USED.set(execution, (long) used + 1);
    CLOCK_STATE.set(execution, dueDates.stateAfterMove(execution).name());
    clocks.moveDeadlines(number, dueDates.deadlinesOf(execution));
    clocks.setExtensionsUsed(number, used + 1);
    clocks.recordExtension(number, extensionRecord(execution, used + 1, "APPROVED", previousDue, newDue.toOffsetDateTime()));
    CaseDueDates.moveOpenTasks(execution, number, due -> due.equals(previousDue) ? Date.from(newDue.toInstant()) : due,
        followUp -> followUp.equals(previousWarning) ? Date.from(newWarning.toInstant()) : followUp);
    CaseDueDates.recalculateTimers(execution, List.of(execution.getProcessInstanceId()));
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

  private ClockRepository.ExtensionRecord extensionRecord(DelegateExecution execution, int step, String outcome,
      Date previousDue, OffsetDateTime newDue) {
    Date requestedAt = EXTENSION_REQUESTED_AT.get(execution);
    OffsetDateTime now = bankTime.now();
    return new ClockRepository.ExtensionRecord(step, EXTENSION_REASON.get(execution),
        EXTENSION_REQUESTED_BY.get(execution), requestedAt == null ? now : dueDates.offset(requestedAt), outcome,
        EXTENSION_DECIDED_BY.get(execution), now, EXTENSION_COMMENT.get(execution), dueDates.offset(previousDue),
        newDue);
  }

  /** The extended period the next extension grants: the policy row's first, then its second. */
  static String nextExtension(DelegateExecution execution, int used) {
    return (used == 0 ? FIRST_EXTENSION : SECOND_EXTENSION).get(execution);
  }

  static int extensionsUsed(DelegateExecution execution) {
    Long used = EXTENSIONS_USED.get(execution);
    return used == null ? 0 : used.intValue();
  }
}

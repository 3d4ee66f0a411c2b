package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.CLOCK_PAUSE_REASON;
import static io.disputeflow.process.ComplaintVariables.CLOCK_STATE;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.DECISION_WARNING_AT;
import static io.disputeflow.process.ComplaintVariables.LEGAL_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.REVIEW_DUE_AT;

import io.disputeflow.correspondence.LetterService;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.process.ProcessVariable;
import io.disputeflow.time.BankTime;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Pausing the decision clock (for an external appraisal, say) and resuming it: the pause is recorded
 * and the customer told; on resume every due date of the case moves by the time paused.
 */
@Component
class ClockPause {

  private static final List<ProcessVariable<Date>> INTERNAL_DUE_DATES = List.of(REVIEW_DUE_AT, LEGAL_DUE_AT);

  private final ClockRepository clocks;
  private final LetterService letters;
  private final WorkingDayCalendar workingDays;
  private final CaseDueDates dueDates;
  private final BankTime bankTime;

  ClockPause(ClockRepository clocks, LetterService letters, WorkingDayCalendar workingDays, CaseDueDates dueDates,
      BankTime bankTime) {
    this.clocks = clocks;
    this.letters = letters;
    this.workingDays = workingDays;
    this.dueDates = dueDates;
    this.bankTime = bankTime;
  }

  void pause(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    clocks.pause(number, CLOCK_PAUSE_REASON.get(execution), currentUser(execution), bankTime.now());
    CLOCK_STATE.set(execution, ClockState.PAUSED.name());
    letters.queuePauseNotice(number, CLOCK_PAUSE_REASON.get(execution));
  }

  /**
   * Adds the paused time to every due date of the case: calendar deadlines move by exactly the
   * pause; internal ones too, then to the next working day if they land on a holiday.
   */
  void resume(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    Duration paused = Duration.ofSeconds(clocks.resume(number, currentUser(execution), bankTime.now()));
    ProcessEngineServices engine = execution.getProcessEngineServices();
    List<String> instances = CaseDueDates.instancesOf(execution);
    for (String instance : instances) {
      shift(engine, instance, DECISION_DUE_AT, paused, false);
      shift(engine, instance, DECISION_WARNING_AT, paused, false);
      INTERNAL_DUE_DATES.forEach(variable -> shift(engine, instance, variable, paused, true));
    }
    CLOCK_STATE.set(execution, dueDates.stateAfterMove(execution).name());
    clocks.moveDeadlines(number, dueDates.deadlinesOf(execution));
    CaseDueDates.moveOpenTasks(execution, number, due -> Date.from(due.toInstant().plus(paused)),
        followUp -> Date.from(followUp.toInstant().plus(paused)));
    CaseDueDates.recalculateTimers(execution, instances);
  }

  private void shift(ProcessEngineServices engine, String instance, ProcessVariable<Date> variable, Duration by,
      boolean workingDay) {
    Object value = engine.getRuntimeService().getVariableLocal(instance, variable.name());
    if (value instanceof Date date) {
      ZonedDateTime shifted = date.toInstant().plus(by).atZone(bankTime.zone());
      if (workingDay) {
        shifted = workingDays.nextWorkingTime(shifted);
      }
      engine.getRuntimeService().setVariableLocal(instance, variable.name(), Date.from(shifted.toInstant()));
    }
  }

  private static String currentUser(DelegateExecution execution) {
    return EngineUser.id(execution.getProcessEngineServices().getIdentityService());
  }
}

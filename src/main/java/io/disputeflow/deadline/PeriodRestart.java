package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.CLOCK_STATE;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.DECISION_PERIOD;
import static io.disputeflow.process.ComplaintVariables.DECISION_WARNING_AT;
import static io.disputeflow.process.ComplaintVariables.PERIOD_STARTED_AT;
import static io.disputeflow.process.ComplaintVariables.WARN_BEFORE;

import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.ProcessVariable;
import io.disputeflow.time.BankTime;
import io.disputeflow.time.IsoDurations;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A repeat complaint with new facts restarts the decision period of the open case
 * (《银行业保险业消费投诉处理管理办法》第十八条第三款: 处理期限自收到新的投诉材料之日起重新计算): the case's
 * current period (as extended) counts again from the new receipt on the regime's calendar, and the
 * decision deadline, its warning, the open tasks' due dates and the clock's timer move with it. The
 * deadline only ever moves later: a restart never shortens a period the case already has.
 */
@Component
public class PeriodRestart {

  /** What a restart did: the decision deadline before and after (the same when the recount ends earlier). */
  public record Restart(OffsetDateTime previousDueAt, OffsetDateTime restartedDueAt) {}

  private final ClockRepository clocks;
  private final RegimeCalendars calendars;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final Clock clock;
  private final ZoneId zone;

  PeriodRestart(ClockRepository clocks, RegimeCalendars calendars, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService, Clock clock,
      BankTime bankTime) {
    this.clocks = clocks;
    this.calendars = calendars;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.clock = clock;
    this.zone = bankTime.zone();
  }

  /**
   * Restarts the period from {@code newReceipt}; empty when there is no running period to restart
   * (decided, closed, or deadlines not set yet).
   */
  public Optional<Restart> restart(String number, OffsetDateTime newReceipt) {
    ClockRepository.ClockRecord current = clocks.clockOf(number).orElse(null);
    ProcessInstance main = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ComplaintHandlingProcess.KEY).processInstanceBusinessKey(number).singleResult();
    if (current == null || current.decisionDueAt() == null || main == null || !clocks.isUndecided(number)) {
      return Optional.empty();
    }
    String period = (String) runtimeService.getVariable(main.getId(), DECISION_PERIOD.name());
    String warnBefore = (String) runtimeService.getVariable(main.getId(), WARN_BEFORE.name());
    if (period == null) {
      return Optional.empty();
    }
    ZonedDateTime recounted = calendars.forRegime(current.regime()).dueAt(newReceipt.atZoneSameInstant(zone), period);
    OffsetDateTime previousDue = current.decisionDueAt();
    Date periodStart = Date.from(newReceipt.toInstant());
    runtimeService.setVariable(main.getId(), PERIOD_STARTED_AT.name(), periodStart);
    clocks.setPeriodStartedAt(number, newReceipt);
    if (!recounted.toInstant().isAfter(previousDue.toInstant())) {
      return Optional.of(new Restart(previousDue, previousDue));
    }
    ZonedDateTime warning = IsoDurations.subtract(recounted, warnBefore == null ? "P0D" : warnBefore);
    Date newDue = Date.from(recounted.toInstant());
    Date newWarning = Date.from(warning.toInstant());
    Date oldDue = Date.from(previousDue.toInstant());
    Date oldWarning = current.warningAt() == null ? null : Date.from(current.warningAt().toInstant());
    List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
        .stream().map(ProcessInstance::getId).toList();
    runtimeService.setVariable(main.getId(), DECISION_DUE_AT.name(), newDue);
    runtimeService.setVariable(main.getId(), DECISION_WARNING_AT.name(), newWarning);
    if (current.pausedSince() == null) {
      runtimeService.setVariable(main.getId(), CLOCK_STATE.name(),
          ClockState.beforeDue(newWarning.toInstant(), clock.instant()).name());
    }
    for (String instance : instances) {
      // a running stage holds its own copy, which its later tasks' due dates read
      if (!instance.equals(main.getId())) {
        replaceLocal(instance, DECISION_DUE_AT, newDue);
        replaceLocal(instance, DECISION_WARNING_AT, newWarning);
      }
    }
    clocks.moveDeadlines(number, new ClockRepository.Deadlines(recounted.toOffsetDateTime(),
        warning.toOffsetDateTime(), current.reviewDueAt(), current.legalDueAt()));
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(number).list()) {
      boolean due = oldDue.equals(task.getDueDate());
      boolean followUp = oldWarning != null && oldWarning.equals(task.getFollowUpDate());
      if (due || followUp) {
        task.setDueDate(due ? newDue : task.getDueDate());
        task.setFollowUpDate(followUp ? newWarning : task.getFollowUpDate());
        taskService.saveTask(task);
      }
    }
    // timers read their dates from variables when created: re-evaluate them so none fires at the old time
    for (String instance : instances) {
      for (Job job : managementService.createJobQuery().processInstanceId(instance).timers().list()) {
        managementService.recalculateJobDuedate(job.getId(), false);
      }
    }
    rearmEndedClock(main.getId());
    return Optional.of(new Restart(previousDue, recounted.toOffsetDateTime()));
  }

  /**
   * After a missed deadline has been handled the clock branch has ended (end_breach_handled): the
   * restarted period must warn and escalate again, so a new token enters the branch at its merge,
   * which arms the timer for the new warning (or gives it at once when it has passed).
   */
  private void rearmEndedClock(String mainInstance) {
    boolean running = runtimeService.createExecutionQuery().processInstanceId(mainInstance)
        .activityId(ComplaintHandlingProcess.EVT_AWAIT_CLOCK).count() > 0
        || runtimeService.createExecutionQuery().processInstanceId(mainInstance)
            .activityId(ComplaintHandlingProcess.MESSAGE_CLOCK_RESUMED).count() > 0
        || runtimeService.createExecutionQuery().processInstanceId(mainInstance)
            .activityId(ComplaintHandlingProcess.USER_HANDLE_OVERDUE_COMPLAINT).count() > 0;
    if (!running) {
      runtimeService.createProcessInstanceModification(mainInstance)
          .startBeforeActivity(ComplaintHandlingProcess.XOR_CLOCK_MERGE).execute();
    }
  }

  private void replaceLocal(String instance, ProcessVariable<Date> variable, Date value) {
    if (runtimeService.getVariableLocal(instance, variable.name()) != null) {
      runtimeService.setVariableLocal(instance, variable.name(), value);
    }
  }
}

package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.DECISION_WARNING_AT;
import static io.disputeflow.process.ComplaintVariables.LEGAL_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.REVIEW_DUE_AT;

import io.disputeflow.process.ProcessVariable;
import io.disputeflow.time.BankTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A case's due dates after one of them moved (an extension, a resume): the case's open tasks, the
 * copies its running stages hold and the timers that read them move along, so no stale timer fires,
 * and the clock's state and record follow the new dates.
 */
@Component
class CaseDueDates {

  private final BankTime bankTime;

  CaseDueDates(BankTime bankTime) {
    this.bankTime = bankTime;
  }

  /** Every running process instance of the case: the main one and the stages it called. */
  static List<String> instancesOf(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).list().stream()
        .map(ProcessInstance::getId).toList();
  }

  /** Sets a stage's own copy of a due date, if it holds one. */
  static void replaceLocal(ProcessEngineServices engine, String instance, ProcessVariable<Date> variable,
      Date value) {
    if (engine.getRuntimeService().getVariableLocal(instance, variable.name()) != null) {
      engine.getRuntimeService().setVariableLocal(instance, variable.name(), value);
    }
  }

  static void moveOpenTasks(DelegateExecution execution, String number, UnaryOperator<Date> due,
      UnaryOperator<Date> followUp) {
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
  static void recalculateTimers(DelegateExecution execution, List<String> processInstanceIds) {
    var management = execution.getProcessEngineServices().getManagementService();
    for (String instance : processInstanceIds) {
      for (Job job : management.createJobQuery().processInstanceId(instance).timers().list()) {
        management.recalculateJobDuedate(job.getId(), false);
      }
    }
  }

  /** The clock's state under the moved decision deadline and warning, now. */
  ClockState stateAfterMove(DelegateExecution execution) {
    return ClockState.running(DECISION_DUE_AT.get(execution).toInstant(), DECISION_WARNING_AT.get(execution).toInstant(),
        bankTime.clock().instant());
  }

  /** The due dates the process holds, for the clock's record. */
  ClockRepository.Deadlines deadlinesOf(DelegateExecution execution) {
    return new ClockRepository.Deadlines(offset(DECISION_DUE_AT.get(execution)),
        offset(DECISION_WARNING_AT.get(execution)), offset(REVIEW_DUE_AT.get(execution)),
        offset(LEGAL_DUE_AT.get(execution)));
  }

  /** A process variable's date as the bank's zone writes it; null stays null. */
  OffsetDateTime offset(Date date) {
    return date == null ? null : bankTime.at(date.toInstant());
  }
}

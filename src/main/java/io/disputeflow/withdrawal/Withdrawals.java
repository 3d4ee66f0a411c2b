package io.disputeflow.withdrawal;

import static io.disputeflow.process.ComplaintVariables.WITHDRAWAL_ENDED_TASKS;
import static io.disputeflow.process.ComplaintVariables.WITHDRAWAL_REASON;

import io.disputeflow.complaint.CaseEndedException;
import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Stage;
import io.disputeflow.process.ActingUser;
import io.disputeflow.process.ComplaintHandlingProcess;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer withdraws a complaint (撤回), at any stage until it is closed: a channel system passes it
 * on, or the coordinator who took the call. The case's interrupting event subprocess ends every open
 * task, stops the clock, records the withdrawal and confirms it to the customer in a letter.
 */
@Service
public class Withdrawals {

  private final ComplaintRepository complaints;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ActingUser actingUser;

  Withdrawals(ComplaintRepository complaints, RuntimeService runtimeService, TaskService taskService,
      ActingUser actingUser) {
    this.complaints = complaints;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.actingUser = actingUser;
  }

  @Transactional
  public void withdraw(String number, String reason) {
    ComplaintRecord complaint = complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    if (complaint.status().ended()) {
      throw new CaseEndedException(number, complaint.status(), "withdrawn");
    }
    if (complaint.stage() == Stage.REDRESS_PAYMENT) {
      // the decision is final and its compensation is being paid: the case closes once it is
      throw new CaseEndedException("Complaint " + number + " has a final decision whose compensation is being paid;"
          + " it cannot be withdrawn now (it closes after the payment and the survey)");
    }
    boolean running = runtimeService.createEventSubscriptionQuery().eventType("message")
        .eventName(ComplaintHandlingProcess.MESSAGE_COMPLAINT_WITHDRAWAL).list().stream()
        .anyMatch(subscription -> isCase(subscription.getProcessInstanceId(), number));
    if (!running) {
      throw new CaseEndedException("Complaint " + number + " has no running case to withdraw");
    }
    Map<String, Object> variables = new HashMap<>();
    WITHDRAWAL_REASON.put(variables, reason.strip());
    WITHDRAWAL_ENDED_TASKS.put(variables, openTasks(number));
    try {
      actingUser.correlate(ComplaintHandlingProcess.MESSAGE_COMPLAINT_WITHDRAWAL, number, variables);
    } catch (MismatchingMessageCorrelationException e) {
      // closed or withdrawn by another request a moment earlier
      throw new CaseEndedException("Complaint " + number + " ended while the withdrawal was taken in");
    }
  }

  private boolean isCase(String processInstanceId, String number) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .processInstanceBusinessKey(number).count() > 0;
  }

  /** "Investigate CMP-… (cora); Review department facts CMP-… (unclaimed)": what the withdrawal ends. */
  private String openTasks(String number) {
    String tasks = taskService.createTaskQuery().processInstanceBusinessKey(number).orderByTaskCreateTime().asc()
        .list().stream()
        .map(Withdrawals::describe)
        .collect(Collectors.joining("; "));
    return tasks.isEmpty() ? null : tasks.length() <= 3990 ? tasks : tasks.substring(0, 3989) + "…";
  }

  private static String describe(Task task) {
    return task.getName() + " (" + (task.getAssignee() == null ? "unclaimed" : task.getAssignee()) + ")";
  }
}

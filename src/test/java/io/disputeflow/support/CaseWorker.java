package io.disputeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.process.RedressPaymentProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Works a case's tasks as a named user would in Tasklist, then runs the jobs that follow. */
@Component
public class CaseWorker {

  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;

  CaseWorker(TaskService taskService, ManagementService managementService, IdentityService identityService) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
  }

  public Task openTask(String complaintNumber, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(complaintNumber)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task %s of %s", taskKey, complaintNumber).isNotNull();
    return task;
  }

  public List<Task> openTasks(String complaintNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(complaintNumber).list();
  }

  /** Claims and completes, as the user, the case's open task with the given key that the user's groups may work. */
  public void complete(String complaintNumber, String taskKey, String user, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(complaintNumber)
        .taskDefinitionKey(taskKey).taskCandidateUser(user).singleResult();
    assertThat(task).as("open task %s of %s for %s", taskKey, complaintNumber, user).isNotNull();
    complete(task, user, variables);
  }

  public void complete(Task task, String user, Map<String, Object> variables) {
    // as Tasklist and /engine-rest do: the user with their groups, whose authorizations the engine checks
    authenticate(identityService, user);
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
    runJobs();
  }

  /** The accounts department (anna) pays the compensation the decision granted and records it. */
  public void payRedress(String complaintNumber) {
    complete(complaintNumber, RedressPaymentProcess.USER_PAY_REDRESS, "anna", Map.of("paymentOutcome", "PAID",
        "paymentAccount", "6222 0210 0100 1234", "paymentReference", "TRX-" + complaintNumber));
  }

  /** Authenticates the user with their groups, as Tasklist and /engine-rest do, for the engine's authorization checks. */
  public static void authenticate(IdentityService identity, String user) {
    identity.setAuthentication(user,
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
  }

  /** Runs every job that is due now, as the job executor would. */
  public void runJobs() {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().executable().list()).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}

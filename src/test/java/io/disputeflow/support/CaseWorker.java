package io.disputeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.process.RedressPaymentProcess;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Works a case's tasks as a named user would in Tasklist, then runs the jobs that follow.
 *
 * <p>Jobs run per case, never for the whole database: the test classes share one application and its
 * database, and a class that moves the engine clock (or leaves timers that the real clock has long
 * passed) must not have its jobs run by another class, nor run theirs.
 */
@Component
public class CaseWorker {

  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;

  CaseWorker(TaskService taskService, ManagementService managementService, IdentityService identityService,
      RuntimeService runtimeService) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
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
    String businessKey = businessKeyOf(task);
    // as Tasklist and /engine-rest do: the user with their groups, whose authorizations the engine checks
    authenticate(identityService, user);
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
    runJobs(businessKey);
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

  /**
   * Runs every job of the case that is due now, as the job executor would, until none is left: the jobs of
   * the process instances that carry the business key (a complaint number, or the key of an early warning,
   * a policy improvement or a deployment approval) and of their roots. Every process of a case carries its
   * key (call activities pass it on, the processes started for a case are started with it), so the
   * processes a job starts run in the next round.
   */
  public void runJobs(String businessKey) {
    runJobs(List.of(businessKey));
  }

  /** {@link #runJobs(String)} for several cases at once. */
  public void runJobs(Collection<String> businessKeys) {
    List<Job> jobs;
    while (!(jobs = dueJobsOf(businessKeys)).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** Runs the jobs of a batch (seed, batch and monitor jobs, e.g. of a process migration) that are due now. */
  public void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    assertThat(batch).as("batch %s", batchId).isNotNull();
    List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId());
    List<Job> jobs;
    while (!(jobs = definitions.stream().flatMap(definition -> managementService.createJobQuery().executable()
        .jobDefinitionId(definition).list().stream()).toList()).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private List<Job> dueJobsOf(Collection<String> businessKeys) {
    Set<String> instances = new HashSet<>();
    for (String businessKey : businessKeys) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().forEach(instance -> {
        instances.add(instance.getId());
        instances.add(instance.getRootProcessInstanceId());
      });
    }
    return instances.isEmpty() ? List.of()
        : managementService.createJobQuery().executable().processInstanceIds(instances).list();
  }

  /** The business key of the task's case: its process instance's, or its root's when it has none. */
  private String businessKeyOf(Task task) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    assertThat(instance).as("process instance of task %s", task.getId()).isNotNull();
    if (instance.getBusinessKey() != null) {
      return instance.getBusinessKey();
    }
    ProcessInstance root = runtimeService.createProcessInstanceQuery()
        .processInstanceId(instance.getRootProcessInstanceId()).singleResult();
    assertThat(root.getBusinessKey()).as("business key of the case of task %s", task.getId()).isNotNull();
    return root.getBusinessKey();
  }
}

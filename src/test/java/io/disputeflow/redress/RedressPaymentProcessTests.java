package io.disputeflow.redress;

import static io.disputeflow.process.RedressPaymentProcess.END_NO_REDRESS_OWED;
import static io.disputeflow.process.RedressPaymentProcess.END_REDRESS_PAID;
import static io.disputeflow.process.RedressPaymentProcess.END_REDRESS_PAYMENT_CHASED;
import static io.disputeflow.process.RedressPaymentProcess.SERVICE_RECORD_FAILED_PAYMENT;
import static io.disputeflow.process.RedressPaymentProcess.SERVICE_RECORD_REDRESS_PAID;
import static io.disputeflow.process.RedressPaymentProcess.USER_CHASE_REDRESS_PAYMENT;
import static io.disputeflow.process.RedressPaymentProcess.USER_PAY_REDRESS;
import static io.disputeflow.process.RedressPaymentProcess.USER_RESOLVE_FAILED_PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.process.RedressPaymentProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/redress-payment.bpmn: the compensation granted is paid by the accounts department, on time or chased. */
@Deployment(resources = "processes/redress-payment.bpmn")
class RedressPaymentProcessTests {

  private static final String NUMBER = "CMP-2026-000031";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    delegates.register("workOutRedressDelegate", execution -> {
      execution.setVariable("redressOwed", true);
      execution.setVariable("redressAmount", 1280.0);
      execution.setVariable("redressCurrency", "CNY");
      execution.setVariable("redressDueAt", RecordingDelegates.daysFromNow(7));
    });
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldPassStraightThroughWhenTheDecisionGrantsNoCompensation() {
    delegates.register("workOutRedressDelegate", execution -> execution.setVariable("redressOwed", false));

    ProcessInstance redress = start();

    assertThat(redress).isEnded().hasPassed(END_NO_REDRESS_OWED).hasNotPassed(USER_PAY_REDRESS);
  }

  @Test
  void shouldHaveTheAccountsDepartmentPayByTheDueDate() {
    // given
    ProcessInstance redress = start();

    // then the accounts department has the payment to make, due when the decision said
    Task payment = openTask(USER_PAY_REDRESS);
    assertThat(payment).hasCandidateGroup("dept-accounts");
    assertThat(payment.getDueDate()).isEqualTo(engine.getProcessEngine().getRuntimeService()
        .getVariable(redress.getId(), "redressDueAt"));

    // when it pays
    complete(payment, Map.of("paymentOutcome", "PAID", "paymentAccount", "6222 0000 1111 2222",
        "paymentReference", "TRX-20260312-0001"));

    // then the payment is recorded and the case may move on
    assertThat(redress).isEnded().hasPassed(SERVICE_RECORD_REDRESS_PAID, END_REDRESS_PAID)
        .hasNotPassed(USER_CHASE_REDRESS_PAYMENT);
    assertThat(delegates.calls()).containsExactly("workOutRedressDelegate@service_work_out_redress",
        "recordRedressPaymentDelegate@service_record_redress_paid");
  }

  @Test
  void shouldSendAFailedPaymentBackToTheCoordinatorThenPayAgain() {
    // given
    ProcessInstance redress = start();

    // when the payment fails
    complete(openTask(USER_PAY_REDRESS), Map.of("paymentOutcome", "FAILED", "paymentAccount", "6222 0000 1111 2222",
        "paymentFailureReason", "Account closed"));

    // then the coordinator corrects the account, and the accounts department pays again
    assertThat(redress).hasPassed(SERVICE_RECORD_FAILED_PAYMENT).isNotEnded();
    Task resolve = openTask(USER_RESOLVE_FAILED_PAYMENT);
    assertThat(resolve).hasCandidateGroup("coordinator");
    complete(resolve, Map.of("paymentAccount", "6222 0000 3333 4444", "failedPaymentNotes", "New account confirmed"));
    assertThat(delegates.calls()).contains("retryRedressPaymentListener@user_resolve_failed_payment");
    complete(openTask(USER_PAY_REDRESS), Map.of("paymentOutcome", "PAID", "paymentAccount", "6222 0000 3333 4444",
        "paymentReference", "TRX-20260313-0002"));
    assertThat(redress).isEnded().hasPassed(END_REDRESS_PAID);
  }

  @Test
  void shouldHaveTheSupervisorChaseAPaymentNotMadeByItsDueDate() {
    // given
    ProcessInstance redress = start();

    // when the due date passes unpaid
    ClockUtil.setCurrentTime(RecordingDelegates.daysFromNow(8));
    Job overdue = engine.getProcessEngine().getManagementService().createJobQuery().timers()
        .activityId(RedressPaymentProcess.TIMER_REDRESS_OVERDUE).singleResult();
    engine.getProcessEngine().getManagementService().executeJob(overdue.getId());

    // then the supervisor chases it, and the payment stays open until made
    Task chase = openTask(USER_CHASE_REDRESS_PAYMENT);
    assertThat(chase).hasCandidateGroup("supervisor");
    complete(chase, Map.of("redressChaseNotes", "Called the accounts department"));
    assertThat(redress).hasPassed(END_REDRESS_PAYMENT_CHASED).isWaitingAt(USER_PAY_REDRESS);
  }

  private ProcessInstance start() {
    return engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(RedressPaymentProcess.KEY, NUMBER,
        withVariables("complaintNumber", NUMBER));
  }

  private Task openTask(String key) {
    Task task = engine.getProcessEngine().getTaskService().createTaskQuery().processInstanceBusinessKey(NUMBER)
        .taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task %s", key).isNotNull();
    return task;
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.getProcessEngine().getTaskService().complete(task.getId(), variables);
    var management = engine.getProcessEngine().getManagementService();
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().executable().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }
}

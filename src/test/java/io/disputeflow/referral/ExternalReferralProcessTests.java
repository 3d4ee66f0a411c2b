package io.disputeflow.referral;

import static io.disputeflow.process.ExternalReferralProcess.CALL_FURTHER_REDRESS;
import static io.disputeflow.process.ExternalReferralProcess.END_CASE_FILE_CHASED;
import static io.disputeflow.process.ExternalReferralProcess.END_FURTHER_REDRESS_PAID;
import static io.disputeflow.process.ExternalReferralProcess.END_REFERRAL_CONCLUDED;
import static io.disputeflow.process.ExternalReferralProcess.SERVICE_RECORD_CASE_FILE_SENT;
import static io.disputeflow.process.ExternalReferralProcess.SERVICE_RECORD_REFERRAL_OUTCOME;
import static io.disputeflow.process.ExternalReferralProcess.SERVICE_REGISTER_REFERRAL;
import static io.disputeflow.process.ExternalReferralProcess.USER_CHASE_CASE_FILE;
import static io.disputeflow.process.ExternalReferralProcess.USER_RECORD_REFERRAL_OUTCOME;
import static io.disputeflow.process.ExternalReferralProcess.USER_SEND_CASE_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.ExternalReferralProcess;
import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.process.RedressPaymentProcess;
import io.disputeflow.support.StartForms;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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

/** processes/external-referral.bpmn: case file, its chasing when late, the body's outcome, further redress. */
@Deployment(resources = {"processes/external-referral.bpmn", "processes/redress-payment.bpmn"})
class ExternalReferralProcessTests {

  private static final String NUMBER = "CMP-2026-000031";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      // the payment path has its own tests and floor
      .excludeProcessDefinitionKeys(RedressPaymentProcess.KEY)
      .build();

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    // the referral is recorded with its case file due in ten days, under the case's number
    delegates.register("registerExternalReferralDelegate", execution -> {
      execution.setProcessBusinessKey(NUMBER);
      execution.setVariable("externalReferralId", 7L);
      execution.setVariable("caseFileDueAt", RecordingDelegates.daysFromNow(10));
      execution.setVariable("referralResponseDueAt", RecordingDelegates.daysFromNow(40));
    });
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldHaveTheCoordinatorSendTheCaseFileThenRecordAnOutcomeWithoutRedress() {
    // when cora registers a mediation referral in Tasklist
    ProcessInstance referral = startAs("cora");

    // then it is recorded in the start's transaction and the coordinators have the case file to send, due then
    assertThat(referral).hasBusinessKey(NUMBER).hasPassed(SERVICE_REGISTER_REFERRAL).isWaitingAt(USER_SEND_CASE_FILE);
    Task send = openTask(USER_SEND_CASE_FILE);
    assertThat(send.getDueDate()).isEqualTo(variable(referral, "caseFileDueAt"));
    assertThat(engine.getProcessEngine().getTaskService().getIdentityLinksForTask(send.getId()))
        .anyMatch(link -> "coordinator".equals(link.getGroupId()));

    // when the case file is sent
    complete(USER_SEND_CASE_FILE, withVariables("caseFileNotes", "Timeline and 3 documents by e-mail"));

    // then it is recorded, and the outcome task is due at the body's own deadline
    assertThat(referral).hasPassed(SERVICE_RECORD_CASE_FILE_SENT).isWaitingAt(USER_RECORD_REFERRAL_OUTCOME);
    assertThat(openTask(USER_RECORD_REFERRAL_OUTCOME).getDueDate()).isEqualTo(variable(referral, "referralResponseDueAt"));

    // when the body rejects the customer's claim (nothing more to pay)
    delegates.register("recordReferralOutcomeDelegate", execution -> execution.setVariable("furtherRedressOwed", false));
    complete(USER_RECORD_REFERRAL_OUTCOME, withVariables("referralOutcome", "REJECTED",
        "referralOutcomeNotes", "The centre found the charge correct"));

    // then the referral ends without a payment
    assertThat(referral).isEnded().hasPassed(SERVICE_RECORD_REFERRAL_OUTCOME, END_REFERRAL_CONCLUDED)
        .hasNotPassed(CALL_FURTHER_REDRESS, USER_CHASE_CASE_FILE);
    assertThat(delegates.calls()).containsExactly("registerExternalReferralDelegate@service_register_referral",
        "recordCaseFileSentDelegate@service_record_case_file_sent",
        "recordReferralOutcomeDelegate@service_record_referral_outcome");
  }

  @Test
  void shouldHaveTheSupervisorChaseALateCaseFileAndPayTheFurtherRedressAwarded() {
    // given a referral whose case file is still unsent
    ProcessInstance referral = startAs("cora");

    // when its deadline passes (engine clock)
    ClockUtil.setCurrentTime(RecordingDelegates.daysFromNow(11));
    Job timer = engine.getProcessEngine().getManagementService().createJobQuery().timers().executable().singleResult();
    assertThat(timer).as("the case file's overdue timer").isNotNull();
    engine.getProcessEngine().getManagementService().executeJob(timer.getId());

    // then the supervisor gets the chase, and the coordinator's task stays open
    assertThat(openTask(USER_CHASE_CASE_FILE)).isNotNull();
    assertThat(engine.getProcessEngine().getTaskService().getIdentityLinksForTask(openTask(USER_CHASE_CASE_FILE).getId()))
        .anyMatch(link -> "supervisor".equals(link.getGroupId()));
    assertThat(referral).isWaitingAt(USER_SEND_CASE_FILE, USER_CHASE_CASE_FILE);
    complete(USER_CHASE_CASE_FILE, withVariables("chaseCaseFileNotes", "Asked cora to send it today"));
    assertThat(referral).hasPassed(END_CASE_FILE_CHASED);

    // when the file goes out and the body upholds the complaint with 800 more to pay
    complete(USER_SEND_CASE_FILE, withVariables("caseFileNotes", "Sent by courier"));
    delegates.register("recordReferralOutcomeDelegate", execution -> execution.setVariable("furtherRedressOwed", true));
    delegates.register("workOutRedressDelegate", execution -> execution.setVariable("redressOwed", false));
    complete(USER_RECORD_REFERRAL_OUTCOME, withVariables("referralOutcome", "UPHELD_FOR_CUSTOMER",
        "furtherRedressAmount", 800, "referralOutcomeNotes", "Refund the fee"));

    // then the payment path runs for it, with the referral's variables, before the referral ends
    assertThat(referral).isEnded().hasPassed(CALL_FURTHER_REDRESS, END_FURTHER_REDRESS_PAID);
    assertThat(delegates.calls()).contains("workOutRedressDelegate@service_work_out_redress");
  }

  @Test
  void shouldLeaveNoInstanceWhenTheReferralIsRefused() {
    // given the referral's checks refuse it (a field at fault)
    delegates.register("registerExternalReferralDelegate", execution -> {
      throw new IllegalArgumentException("Their reference / 对方编号 (referralReference) must not be blank");
    });

    // when / then the start fails and leaves nothing
    assertThatThrownBy(() -> startAs("cora")).hasMessageContaining("(referralReference)");
    assertThat(StartForms.instancesEverStarted(engine.getProcessEngine(), ExternalReferralProcess.KEY)).isZero();
  }

  private ProcessInstance startAs(String user) {
    return StartForms.submitAs(engine.getProcessEngine(), user, ExternalReferralProcess.KEY,
        withVariables("complaintNumber", NUMBER, "referralBody", "MEDIATION",
            "referralOrganisation", "银行业消费纠纷调解中心", "referralReference", "TJ-2026-0042",
            "referredAtText", "2026-03-05"));
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getProcessEngine().getRuntimeService().getVariable(instance.getId(), name);
  }

  private Task openTask(String key) {
    return engine.getProcessEngine().getTaskService().createTaskQuery().processInstanceBusinessKey(NUMBER)
        .taskDefinitionKey(key).singleResult();
  }

  private void complete(String key, Map<String, Object> variables) {
    ProcessEngine processEngine = engine.getProcessEngine();
    Task task = openTask(key);
    assertThat(task).as("open task %s", key).isNotNull();
    processEngine.getTaskService().complete(task.getId(), variables);
    var management = processEngine.getManagementService();
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().executable().messages().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }
}

package io.disputeflow.intake;

import static io.disputeflow.process.ComplaintRegistrationProcess.END_COMPLAINT_HANDED_OVER;
import static io.disputeflow.process.ComplaintRegistrationProcess.SERVICE_REGISTER_COMPLAINT;
import static io.disputeflow.process.ComplaintRegistrationProcess.USER_TELL_CUSTOMER_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.ComplaintRegistrationProcess;
import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.support.StartForms;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/complaint-registration.bpmn")
class ComplaintRegistrationProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
  }

  @Test
  void shouldRegisterInTheStartsTransactionAndShowTheNumberToWhoRegistered() {
    // given intake gives the complaint its number
    delegates.register("registerComplaintDelegate", execution -> execution.setVariable("complaintNumber", "CMP-2026-000007"));

    // when cora starts the registration
    ProcessInstance registration = startAs("cora");

    // then the complaint was registered before the start returned, and cora has the note with its number
    assertThat(registration).hasPassed(SERVICE_REGISTER_COMPLAINT).isWaitingAt(USER_TELL_CUSTOMER_NUMBER)
        .variables().containsEntry("complaintNumber", "CMP-2026-000007").containsEntry("initiator", "cora");
    assertThat(task()).isAssignedTo("cora");

    // when she has told the customer
    complete(task());

    // then the registration is over: the case lives in its own complaint-handling instance
    assertThat(registration).isEnded().hasPassed(END_COMPLAINT_HANDED_OVER);
    assertThat(delegates.calls()).containsExactly("registerComplaintDelegate@service_register_complaint");
  }

  @Test
  void shouldLeaveNoInstanceWhenIntakeRefuses() {
    // given intake refuses the values
    delegates.register("registerComplaintDelegate", execution -> {
      throw new IllegalArgumentException("Phone / 联系电话 (customerPhone) must be a phone number");
    });

    // when / then the start fails and leaves nothing
    assertThatThrownBy(() -> startAs("cora")).hasMessageContaining("(customerPhone)");
    assertThat(StartForms.instancesEverStarted(engine.getProcessEngine(), ComplaintRegistrationProcess.KEY)).isZero();
  }

  private ProcessInstance startAs(String user) {
    return StartForms.submitAs(engine.getProcessEngine(), user, ComplaintRegistrationProcess.KEY,
        withVariables("channel", "BRANCH", "customerName", "赵立新", "product", "CREDIT_CARD"));
  }
}

package io.disputeflow.review;

import static io.disputeflow.process.DepartmentReviewProcess.END_DEPARTMENT_REVIEW_COMPLETED;
import static io.disputeflow.process.DepartmentReviewProcess.SERVICE_SUMMARISE_DEPARTMENT_REVIEWS;
import static io.disputeflow.process.DepartmentReviewProcess.USER_REVIEW_DEPARTMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.RecordingDelegates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/department-review.bpmn")
class DepartmentReviewProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private final List<String> recordedReviews = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    RecordingDelegates delegates = RecordingDelegates.registerAll();
    Mocks.register("departmentReview", new DepartmentReview());
    delegates.register("recordDepartmentReviewListener", execution -> recordedReviews.add(
        ComplaintVariables.DEPARTMENT.get(execution) + ": " + ComplaintVariables.REVIEW_FINDINGS.get(execution)));
  }

  @Test
  void shouldReviewInParallelOncePerDepartmentWithoutOverwritingFindings() {
    // given
    Map<String, Object> variables = RecordingDelegates.deadlines();
    ComplaintVariables.DEPARTMENTS.put(variables, List.of("dept-cards", "dept-digital"));
    ProcessInstance review = engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(DepartmentReviewProcess.KEY, "CMP-2026-000003", variables);

    // then one task per department, each for its own group
    assertThat(review).isWaitingAt(USER_REVIEW_DEPARTMENT);
    var cards = taskQuery().taskCandidateGroup("dept-cards").singleResult();
    var digital = taskQuery().taskCandidateGroup("dept-digital").singleResult();
    assertThat(cards).isNotNull();
    assertThat(digital).isNotNull();

    // when both departments answer
    complete(cards, withVariables("reviewFindings", "Bill re-audited: charged twice", "reviewRecommendation", "UPHOLD"));
    complete(digital, withVariables("reviewFindings", "App showed the wrong total", "reviewRecommendation",
        "PARTLY_UPHOLD"));
    executeAllJobs();

    // then each review was recorded with its own findings, and the stage completed
    assertThat(recordedReviews).containsExactlyInAnyOrder(
        "dept-cards: Bill re-audited: charged twice", "dept-digital: App showed the wrong total");
    assertThat(review).isEnded().hasPassed(SERVICE_SUMMARISE_DEPARTMENT_REVIEWS, END_DEPARTMENT_REVIEW_COMPLETED);
  }

  @Test
  void shouldEscalateOnceWhenTheReviewsAreLateAndKeepWaitingForThem() {
    // given
    Map<String, Object> variables = RecordingDelegates.deadlines();
    ComplaintVariables.DEPARTMENTS.put(variables, List.of("dept-cards", "dept-digital"));
    ProcessInstance review = engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(DepartmentReviewProcess.KEY, "CMP-2026-000003", variables);
    assertThat(taskQuery().list()).extracting(task -> task.getDueDate())
        .containsOnly((java.util.Date) variables.get("reviewDueAt"));

    // when the engine clock passes the review deadline
    ClockUtil.setCurrentTime(RecordingDelegates.daysFromNow(6));
    executeAllJobs();

    // then one escalation for the whole review, both tasks still open
    assertThat(review).hasPassed(DepartmentReviewProcess.END_REVIEW_ESCALATED).isWaitingAt(USER_REVIEW_DEPARTMENT);
    assertThat(taskQuery().count()).isEqualTo(2);
    assertThat(engine.getProcessEngine().getHistoryService().createHistoricActivityInstanceQuery()
        .activityId(DepartmentReviewProcess.END_REVIEW_ESCALATED).count()).isOne();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void executeAllJobs() {
    ManagementService management = engine.getProcessEngine().getManagementService();
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().executable().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }
}

package io.disputeflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What a task shows in Tasklist: its name, description and bank-time deadlines, kept current by the clock. */
@ApiTest
class TaskPresentationTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldNameTheTaskAfterItsComplaintAndFollowTheClock() throws Exception {
    // given a complaint received at 23:30 in Shanghai, 15:30 UTC
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T23:30:00+08:00").toInstant()));
    String number = submit("PRS-1");

    // then its investigation says which complaint, customer and product, the issue, and its dates in bank time
    Task task = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    assertThat(task.getName()).isEqualTo("Investigate " + number + " · 王秀英 · Credit card");
    assertThat(task.getDescription()).isEqualTo("信用卡账单重复扣款 duplicate charge");
    assertThat(display(task)).containsEntry("receivedAtText", "2026-03-02 23:30 (Asia/Shanghai)")
        .containsEntry("decisionDueAtText", "2026-03-17 23:59 (Asia/Shanghai)")
        .containsEntry("clockStateText", "On track / 正常")
        .containsEntry("regimeText", "CN-CBIRC-2020 · China – CBIRC complaint measures / 中国《银行业保险业消费投诉处理管理办法》")
        .doesNotContainKey("summaryResolutionUntilText");

    // when the warning time passes
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-15T00:00:00+08:00").toInstant()));
    worker.runJobs(number);

    // then the open task says so
    assertThat(display(task)).containsEntry("clockStateText", "Due soon / 即将到期");

    // when the supervisor extends the deadline
    mvc.perform(post("/api/complaints/" + number + "/extension-requests").with(httpBasic("cora", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"等待商户提供交易记录\"}"))
        .andExpect(status().isAccepted());
    worker.runJobs(number);
    Task approval = worker.openTask(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION);
    assertThat(approval.getName()).isEqualTo("Approve deadline extension " + number + " · 王秀英 · Credit card");
    worker.complete(approval, "sam", Map.of("extensionApproved", true, "extensionComment", "同意延期"));

    // then the investigation shows the new deadline, back on track
    assertThat(display(task)).containsEntry("decisionDueAtText", "2026-04-01 23:59 (Asia/Shanghai)")
        .containsEntry("clockStateText", "On track / 正常");
  }

  @Test
  void shouldGiveATaskCreatedAfterAnExtensionTheExtendedDeadline() throws Exception {
    // given a complaint received at 10:00 in Shanghai whose proposal is being written
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant()));
    String number = submit("PRS-2");
    Map<String, Object> investigation = new java.util.HashMap<>();
    investigation.put("investigationFindings", "Charged twice");
    investigation.put("legalNeeded", false);
    io.disputeflow.process.ComplaintVariables.DEPARTMENTS.put(investigation, java.util.List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    worker.complete(number, io.disputeflow.process.DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "Confirmed", "reviewRecommendation", "UPHOLD"));

    // when the deadline is extended to 30 days while the proposal is open
    mvc.perform(post("/api/complaints/" + number + "/extension-requests").with(httpBasic("cora", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"等待商户提供交易记录\"}"))
        .andExpect(status().isAccepted());
    worker.runJobs(number);
    worker.complete(worker.openTask(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION), "sam",
        Map.of("extensionApproved", true, "extensionComment", "同意延期"));
    worker.complete(number, io.disputeflow.process.ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora",
        Map.of("decision", "UPHOLD", "compensationAmount", 5000.0, "decisionGrounds", "Refund"));

    // then the approval created afterwards is due at the extended deadline, and says so
    Task approval = worker.openTask(number, io.disputeflow.process.ResolutionProcess.USER_APPROVE_COMPENSATION);
    assertThat(approval.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-04-01T23:59:59.999+08:00").toInstant()));
    assertThat(display(approval)).containsEntry("decisionDueAtText", "2026-04-01 23:59 (Asia/Shanghai)");
  }

  private Map<String, Object> display(Task task) {
    return taskService.getVariablesLocal(task.getId());
  }

  private String submit(String reference) throws Exception {
    String response = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(Submissions.creditCardComplaint(reference + "-" + System.nanoTime())))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(response).get("complaintNumber").asText();
  }
}

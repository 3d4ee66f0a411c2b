package io.disputeflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Two requests about the same thing at the same moment: one wins, the other gets an answer, never a 500. */
@ApiTest
@DatabaseTest
class ConcurrentRequestsApiTests {

  private static final int CASES = 5;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseWorker worker;

  @Test
  void shouldLetOneOfTwoSimultaneousSurveyAnswersWin() throws Exception {
    ExecutorService channels = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < CASES; i++) {
        // given a case awaiting the survey
        String number = awaitingSurvey("CONCURRENT-" + i);

        // when the app and the call centre pass on the customer's answer at the same moment
        CyclicBarrier together = new CyclicBarrier(2);
        Future<MockHttpServletResponse> app = channels.submit(() -> answer(number, 5, together));
        Future<MockHttpServletResponse> phone = channels.submit(() -> answer(number, 1, together));
        List<MockHttpServletResponse> responses = List.of(app.get(), phone.get());

        // then one is accepted and the other refused with a problem, and only the winner's score is on file
        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(202, 409);
        MockHttpServletResponse loser = responses.stream().filter(r -> r.getStatus() == 409).findFirst().orElseThrow();
        assertThat(loser.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(loser.getContentAsString(StandardCharsets.UTF_8)).get("title").asText())
            .isIn("Not awaiting this customer action", "Changed concurrently");
        int winner = responses.get(0).getStatus() == 202 ? 5 : 1;
        assertThat(jdbc.sql("SELECT satisfaction_score FROM complaint WHERE complaint_number = ?").param(number)
            .query(Integer.class).single()).isEqualTo(winner);
      }
    } finally {
      channels.shutdown();
    }
  }

  @Test
  void shouldOpenOneCaseWhenAChannelSendsTheSameComplaintTwiceAtOnce() throws Exception {
    ExecutorService channels = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < CASES; i++) {
        // when a channel's retry overtakes its first attempt
        String body = Submissions.creditCardComplaint("TWICE-" + i);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<MockHttpServletResponse> first = channels.submit(() -> submit(body, together));
        Future<MockHttpServletResponse> retry = channels.submit(() -> submit(body, together));
        List<Integer> statuses = List.of(first.get().getStatus(), retry.get().getStatus());

        // then one case: the other request sees it (200) or is told to retry (409), never a 500
        assertThat(statuses).containsOnlyOnce(201).containsAnyOf(200, 409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE external_reference = ?").param("TWICE-" + i)
            .query(Long.class).single()).isOne();
      }
    } finally {
      channels.shutdown();
    }
  }

  private MockHttpServletResponse submit(String body, CyclicBarrier together) throws Exception {
    together.await();
    return mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
  }

  private MockHttpServletResponse answer(String number, int score, CyclicBarrier together) throws Exception {
    together.await();
    return mvc.perform(post("/api/complaints/" + number + "/survey").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"score\": " + score + "}")).andReturn().getResponse();
  }

  private String awaitingSurvey(String reference) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint(reference)))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(body).get("complaintNumber").asText();
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "客户陈述属实");
    investigation.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(investigation, new ArrayList<>(List.of("dept-cards")));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "扣款正确", "reviewRecommendation", "REJECT"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora",
        Map.of("decision", "REJECT", "compensationAmount", 0.0, "decisionGrounds", "The charge was authorised"));
    mvc.perform(post("/api/complaints/" + number + "/customer-response").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\": true}"));
    worker.runJobs(number);
    return number;
  }
}

package io.disputeflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.complaint.Channel;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** POST /api/complaints as a channel system uses it: the contract of docs/api.md. */
@ApiTest
@DatabaseTest
class IntakeApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired CaseWorker worker;

  @Test
  void shouldCreateAClassifiedComplaintWithItsDeadlineAndStartItsProcess() throws Exception {
    // when
    JsonNode created = read(submit(Submissions.creditCardComplaint("APP-1001"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", matchesPattern("/api/complaints/CMP-\\d{4}-\\d{6}")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.status", is("OPEN")))
        .andExpect(jsonPath("$.stage", is("INVESTIGATION")))
        .andExpect(jsonPath("$.category", is("BILLING_DISPUTE")))
        .andExpect(jsonPath("$.departments", hasItem("dept-cards"))));

    // then the regulatory clock runs from receipt: to the end of the 15th day after it under CN-CBIRC-2020,
    // later only if that day is not a working day in China (RegulatoryRulesTests proves the exact dates)
    java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
    java.time.LocalDate received = OffsetDateTime.parse(created.get("receivedAt").asText())
        .atZoneSameInstant(shanghai).toLocalDate();
    java.time.ZonedDateTime dueAt = OffsetDateTime.parse(created.get("decisionDueAt").asText()).atZoneSameInstant(shanghai);
    assertThat(dueAt.toLocalTime()).isEqualTo(java.time.LocalTime.parse("23:59:59.999"));
    assertThat(dueAt.toLocalDate()).isBetween(received.plusDays(15), received.plusDays(15 + 9));
    assertThat(created.get("priority").asText()).isIn("LOW", "MEDIUM", "HIGH");

    String number = created.get("complaintNumber").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .as("main process and the running investigation").isEqualTo(2);
    assertThat(worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT)).isNotNull();
    assertThat(jdbc.sql("SELECT letter_type FROM letter WHERE complaint_number = ?").param(number)
        .query(String.class).list()).containsExactly("ACKNOWLEDGEMENT");
  }

  @Test
  void shouldKeepEachValueOnceInTheVariableHistoryNotOnceForEveryStageItIsPassedTo() throws Exception {
    // when
    String number = read(submit(Submissions.creditCardComplaint("APP-1002")).andExpect(status().isCreated()))
        .get("complaintNumber").asText();

    // then the case's start and the intake stage's classification are changes, each with its detail
    var instances = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list();
    String root = instances.stream().filter(i -> i.getSuperProcessInstanceId() == null).findFirst().orElseThrow().getId();
    String intake = instances.stream().filter(i -> i.getProcessDefinitionKey().equals("intake")).findFirst().orElseThrow().getId();
    String investigation = instances.stream().filter(i -> i.getProcessDefinitionKey().equals("investigation"))
        .findFirst().orElseThrow().getId();
    assertThat(detailNames(root)).contains("complaintNumber", "narrative", "category");
    assertThat(detailNames(intake)).contains("category", "priority", "decisionDueAt").doesNotContain("complaintNumber", "narrative");
    // and the copies the stages were given are variables of theirs, without a detail that repeats the case's
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(investigation)
        .variableName("complaintNumber").list()).filteredOn(v -> v.getTaskId() == null)
        .extracting(v -> v.getValue()).containsExactly(number);
    assertThat(detailNames(investigation)).doesNotContain("complaintNumber", "narrative", "category", "decisionDueAt");
  }

  /** The variables with a history detail in the instance's own scope (not its tasks' display values). */
  private java.util.List<String> detailNames(String processInstanceId) {
    return historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list()
        .stream().filter(d -> d.getTaskId() == null)
        .map(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()).toList();
  }

  @Test
  void shouldAnswerTheSameCaseWhenAChannelRetriesWithItsReference() throws Exception {
    // given
    String first = read(submit(Submissions.creditCardComplaint("APP-2002")).andExpect(status().isCreated()))
        .get("complaintNumber").asText();

    // when
    submit(Submissions.creditCardComplaint("APP-2002"))
        .andExpect(status().isOk())
        .andExpect(header().string("DisputeFlow-Intake-Outcome", "ALREADY_SUBMITTED"))
        .andExpect(jsonPath("$.complaintNumber", is(first)));

    // then
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE external_reference = 'APP-2002'")).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(first).count()).isEqualTo(2);
  }

  @Test
  void shouldAbsorbASecondSubmissionAboutTheSameOpenIssueIntoTheOpenCase() throws Exception {
    // given
    String first = read(submit(Submissions.creditCardComplaint("APP-3003")).andExpect(status().isCreated()))
        .get("complaintNumber").asText();
    String again = Submissions.creditCardComplaint("APP-3003")
        .replace("\"externalReference\": \"APP-3003\"", "\"externalReference\": \"CALL-77\"")
        .replace("\"channel\": \"MOBILE_APP\"", "\"channel\": \"PHONE\"");

    // when the customer calls about the same issue
    submit(again)
        .andExpect(status().isOk())
        .andExpect(header().string("DisputeFlow-Intake-Outcome", "MERGED_INTO_OPEN_CASE"))
        .andExpect(jsonPath("$.complaintNumber", is(first)))
        .andExpect(jsonPath("$.additionalSubmissions", is(1)));

    // then no second case, and the call is on file with the first
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE customer_id = 'C-APP-3003'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM complaint_submission WHERE complaint_number = '" + first + "'"))
        .isEqualTo(1);
    // and a retry of the call is recognised as that same submission
    submit(again).andExpect(status().isOk()).andExpect(header().string("DisputeFlow-Intake-Outcome",
        "ALREADY_SUBMITTED"));
    assertThat(count("SELECT COUNT(*) FROM complaint_submission WHERE complaint_number = '" + first + "'"))
        .isEqualTo(1);
  }

  @Test
  void shouldStoreChineseTextExactly() throws Exception {
    // given: CJK, a supplementary-plane character (𠮷) and an emoji
    String name = "𠮷野家·欧阳娜娜";
    String narrative = "网银转账失败但已扣款 😟；请尽快处理。\n第二行：¥5,000.00";
    String body = Submissions.creditCardComplaint("APP-4004").replace("王秀英", name)
        .replace("我在3月2日的消费被扣款两次，金额为1,280.00元。请核查并退还。", narrative.replace("\n", "\\n"));

    // when
    String number = read(submit(body).andExpect(status().isCreated())).get("complaintNumber").asText();

    // then
    byte[] stored = mvc.perform(get("/api/complaints/" + number).with(httpBasic("cora", "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    JsonNode complaint = json.readTree(new String(stored, StandardCharsets.UTF_8));
    assertThat(complaint.get("customer").get("name").asText().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(name.getBytes(StandardCharsets.UTF_8));
    assertThat(complaint.get("narrative").asText()).isEqualTo(narrative);
  }

  @Test
  void shouldNameEveryMissingRequiredFieldAndStoreNothing() throws Exception {
    long before = count("SELECT COUNT(*) FROM complaint");

    submit("{\"customer\": {}}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field",
            containsInAnyOrder("channel", "customer.name", "issue", "narrative", "product")));

    assertThat(count("SELECT COUNT(*) FROM complaint")).isEqualTo(before);
  }

  @Test
  void shouldRefuseEachInvalidValueWithItsField() throws Exception {
    String valid = Submissions.creditCardComplaint("APP-5005");
    expectInvalid(valid.replace("\"MOBILE_APP\"", "\"FAX\""), "channel");
    expectInvalid(valid.replace("\"CREDIT_CARD\"", "\"CAR_LOAN\""), "product");
    expectInvalid(valid.replace("信用卡账单重复扣款 duplicate charge", "x".repeat(201)), "issue");
    expectInvalid(valid.replace("我在3月2日的消费被扣款两次，金额为1,280.00元。请核查并退还。", "长".repeat(20_001)),
        "narrative");
    expectInvalid(valid.replace("\"narrative\": \"我在3月2日的消费被扣款两次，金额为1,280.00元。请核查并退还。\"",
        "\"narrative\": \"   \""), "narrative");
    expectInvalid(valid.replace("wang.xiuying@example.cn", "not-an-email"), "customer.email");
    expectInvalid(valid.replace("+86 138 0013 8000", "call me"), "customer.phone");
    expectInvalid(valid.replace("\"zh-CN\"", "\"fr\""), "customer.preferredLanguage");
    expectInvalid(valid.replace("1980-05-17", "2999-01-01"), "customer.dateOfBirth");
    expectInvalid(valid.replace("1280.00", "-5"), "disputedAmount.amount");
    expectInvalid(valid.replace("1280.00", "12.345"), "disputedAmount.amount");
    expectInvalid(valid.replace("\"CNY\"", "\"yuan\""), "disputedAmount.currency");
    expectInvalid(valid.replace("\"product\"", "\"receivedAt\": \"2999-01-01T00:00:00+08:00\", \"product\""),
        "receivedAt");
    expectInvalid(valid.replace("\"product\"", "\"receivedAt\": \"yesterday\", \"product\""), "receivedAt");
    expectInvalid(valid.replace("\"product\"", "\"priority\": \"HIGH\", \"product\""), "priority");
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE external_reference = 'APP-5005'")).isZero();
  }

  @Test
  void shouldNameEveryFieldAtFaultInOneAnswerAndStoreNothing() throws Exception {
    // given a submission with values of the wrong type and values that break rules
    String body = Submissions.creditCardComplaint("APP-5006")
        .replace("\"MOBILE_APP\"", "\"FAX\"")
        .replace("\"1980-05-17\"", "\"17 May 1980\"")
        .replace("\"CREDIT_CARD\"", "\"CAR_LOAN\", \"inquiryOnly\": \"maybe\"")
        .replace("\"zh-CN\"", "\"fr\"")
        .replace("信用卡账单重复扣款 duplicate charge", " ");

    // when / then every one is named: those of the wrong type first, in the body's order, then the rules broken
    submit(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", contains("channel", "customer.dateOfBirth", "product", "inquiryOnly",
            "customer.preferredLanguage", "issue")))
        .andExpect(jsonPath("$.errors[0].message", is("must be one of " + Arrays.toString(Channel.values()))))
        .andExpect(jsonPath("$.errors[1].message", is("must be a valid LocalDate")))
        .andExpect(jsonPath("$.errors[3].message", is("must be a valid Boolean")))
        .andExpect(jsonPath("$.errors[4].message", is("must be zh-CN or en")));

    // and fields the API does not have, in the customer and at the top, are named after them, then the rules broken
    submit(Submissions.creditCardComplaint("APP-5006").replace("\"MOBILE_APP\"", "\"FAX\"")
            .replace("\"zh-CN\"", "\"zh-CN\", \"nickname\": {\"given\": \"秀英\"}")
            .replace("\"CREDIT_CARD\"", "\"CAR_LOAN\", \"priority\": \"HIGH\"")
            .replace("信用卡账单重复扣款 duplicate charge", " "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", contains("channel", "product", "customer.nickname", "priority",
            "issue")))
        .andExpect(jsonPath("$.errors[2].message", is("is not a known field")))
        .andExpect(jsonPath("$.errors[3].message", is("is not a known field")));
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE external_reference = 'APP-5006'")).isZero();
  }

  @Test
  void shouldRefuseMalformedJsonAsAProblem() throws Exception {
    submit("{\"channel\": \"PHONE\", ")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title", is("Malformed request")));
  }

  @Test
  void shouldAcceptANarrativeOfExactlyTheLimitAndKeepItWhole() throws Exception {
    String narrative = "长".repeat(20_000);
    String body = Submissions.creditCardComplaint("APP-6006")
        .replace("我在3月2日的消费被扣款两次，金额为1,280.00元。请核查并退还。", narrative);

    String number = read(submit(body).andExpect(status().isCreated())).get("complaintNumber").asText();

    mvc.perform(get("/api/complaints/" + number).with(httpBasic("cora", "demo")))
        .andExpect(jsonPath("$.narrative", is(narrative)));
  }

  @Test
  void shouldAnswerAnInquiryAtIntake() throws Exception {
    String body = Submissions.creditCardComplaint("APP-7007")
        .replace("\"product\"", "\"inquiryOnly\": true, \"product\"");

    submit(body).andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage", is("INTAKE")))
        .andExpect(jsonPath("$.inquiryOnly", is(true)));
  }

  @Test
  void shouldRequireAuthentication() throws Exception {
    mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
            .content(Submissions.creditCardComplaint("APP-8008")))
        .andExpect(status().isUnauthorized());
    // a user no other test needs: Camunda delays that user's next logins after a wrong password
    mvc.perform(post("/api/complaints").with(httpBasic("colin", "wrong")).contentType(MediaType.APPLICATION_JSON)
            .content(Submissions.creditCardComplaint("APP-8008")))
        .andExpect(status().isUnauthorized());
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE external_reference = 'APP-8008'")).isZero();
  }

  private void expectInvalid(String body, String field) throws Exception {
    submit(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
  }

  private ResultActions submit(String body) throws Exception {
    return mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}

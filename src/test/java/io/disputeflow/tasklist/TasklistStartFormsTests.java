package io.disputeflow.tasklist;

import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.TasklistSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputeflow.process.ClockActionProcess;
import io.disputeflow.process.ExternalReferralProcess;
import io.disputeflow.process.ReopeningProcess;
import io.disputeflow.process.WithdrawalProcess;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.ComplaintRegistrationProcess;
import io.disputeflow.process.IntakeProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist's start forms through Tasklist's own REST API, as its Start process dialog submits them:
 * registering a complaint and acting on the decision clock, what is refused (400 naming the field,
 * nothing left behind) and who may start them at all.
 */
@ApplicationTest
class TasklistStartFormsTests {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  @Test
  void shouldRegisterAWalkInComplaintThroughIntakeAndShowItsNumber() throws Exception {
    // when cora registers a customer at the branch desk
    ResponseEntity<String> started = start("cora", ComplaintRegistrationProcess.KEY, walkIn("赵立新", "+86 139 1000 2001"));

    // then the complaint has its number, its own complaint-handling case and who registered it
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    Task note = note("cora", started);
    String number = note.getName().split(" ")[1];
    assertThat(note.getName()).isEqualTo("Registered " + number + " · 赵立新 · Credit card");
    assertThat(number).matches("CMP-\\d{4}-\\d{6}");
    assertThat(jdbc.sql("SELECT channel || '|' || customer_phone || '|' || product || '|' || registered_by"
        + " FROM complaint WHERE complaint_number = ?").param(number).query(String.class).single())
        .isEqualTo("BRANCH|+86 139 1000 2001|CREDIT_CARD|cora");
    var caseInstance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult();
    assertThat(caseInstance.getStartUserId()).isEqualTo("cora");
    // intake ran as for any channel: classified, deadlines set, acknowledged
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(
        historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
            .processDefinitionKey(IntakeProcess.KEY).singleResult().getId())
        .activityId(IntakeProcess.END_COMPLAINT_REGISTERED).count()).isEqualTo(1);
    assertThat(taskService.getVariable(note.getId(), "decisionDueAtText")).asString().endsWith("(Asia/Shanghai)");

    // when the customer's same complaint is registered again by phone, by a branch desk
    ResponseEntity<String> again = start("intake", ComplaintRegistrationProcess.KEY,
        with(walkIn("赵立新", "+86 139 1000 2001"), "channel", "PHONE"));

    // then it joins the open case: no new number
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
    Task joined = note("intake", again);
    assertThat(joined.getName()).startsWith("Registered " + number + " ");
    assertThat(taskService.getVariable(joined.getId(), "registrationOutcome")).isEqualTo("MERGED_INTO_OPEN_CASE");
    assertThat(jdbc.sql("SELECT channel || '|' || registered_by FROM complaint_submission WHERE complaint_number = ?")
        .param(number).query(String.class).single()).isEqualTo("PHONE|intake");

    // and the note closes when its reader completes it
    assertThat(as("cora").post("/task/" + note.getId() + "/submit-form", "{\"variables\": {}}").getStatusCode().value())
        .isEqualTo(204);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(note.getProcessInstanceId())
        .finished().count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseBadValuesNamingEachFieldAndLeaveNothingBehind() throws Exception {
    String before = number(start("cora", ComplaintRegistrationProcess.KEY, walkIn("钱明", "+86 139 1000 3001")));
    long complaints = count("SELECT COUNT(*) FROM complaint");
    long registrations = registrations();

    // when the phone is not a phone number, the account is missing and the product is unknown
    Map<String, Object> bad = with(with(walkIn("孙丽", "call me maybe"), "narrative", " "), "product", "GOLD_BARS");
    ResponseEntity<String> refused = start("cora", ComplaintRegistrationProcess.KEY, bad);

    // then Tasklist is told every field at fault, by its label and key
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(message(refused)).startsWith("The complaint was not registered: ")
        .contains("Phone / 联系电话 (customerPhone) must be a phone number of digits, spaces, ( ) and -")
        .contains("Customer's account / 客户陈述 (narrative) must not be blank")
        .contains("Product / 产品 (product) 'GOLD_BARS' is not one of [CREDIT_CARD,")
        .doesNotContain("Cannot instantiate", "ENGINE-");
    // an account longer than a variable holds, and a channel no desk receives, are refused too
    assertThat(message(start("cora", ComplaintRegistrationProcess.KEY,
        with(walkIn("孙丽", "+86 139 1000 3002"), "channel", "MOBILE_APP"))))
        .contains("Received / 受理方式 (channel) 'MOBILE_APP' is not one of [BRANCH, PHONE]");

    // and nothing was left: no complaint, no registration, no number drawn
    assertThat(count("SELECT COUNT(*) FROM complaint")).isEqualTo(complaints);
    assertThat(registrations()).isEqualTo(registrations);
    String after = number(start("cora", ComplaintRegistrationProcess.KEY, walkIn("孙丽", "+86 139 1000 3003")));
    assertThat(sequence(after)).isEqualTo(sequence(before) + 1);
  }

  @Test
  void shouldRegisterAComplaintMadeOnTheCustomersBehalfWithItsRepresentative() throws Exception {
    // when the son of an elderly customer complains for her at the branch desk, without his name or a way to write to him
    Map<String, Object> onBehalf = with(with(walkIn("周桂兰", "+86 139 1000 4001"), "onBehalf", true),
        "representativeRelation", "RELATIVE");
    ResponseEntity<String> refused = start("cora", ComplaintRegistrationProcess.KEY,
        with(with(onBehalf, "representativeName", " "), "representativePhone", "call me"));

    // then Tasklist names each of the representative's fields at fault, and nothing is registered
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(message(refused))
        .contains("Representative's name / 代理人姓名 (representativeName) must not be blank")
        .contains("Representative's phone / 代理人电话 (representativePhone) must be a phone number")
        .contains("Representative's email / 代理人电子邮箱 (representativeEmail) an e-mail address or a postal address"
            + " is required");

    // when cora gives them
    ResponseEntity<String> started = start("cora", ComplaintRegistrationProcess.KEY, with(with(onBehalf,
        "representativeName", "周建国"), "representativeAddress", "上海市静安区南京西路1号"));

    // then the complaint has its representative, recorded by cora, and the acknowledgement goes to both
    String number = number(started);
    assertThat(jdbc.sql("SELECT name || '|' || relation || '|' || address || '|' || recorded_by"
        + " FROM complaint_representative WHERE complaint_number = ?").param(number).query(String.class).single())
        .isEqualTo("周建国|RELATIVE|上海市静安区南京西路1号|cora");
    assertThat(jdbc.sql("SELECT addressee || '|' || status FROM letter WHERE complaint_number = ?"
        + " AND letter_type = 'ACKNOWLEDGEMENT' ORDER BY id").param(number).query(String.class).list())
        .containsExactly("CUSTOMER|PRINT", "REPRESENTATIVE|PRINT");
  }

  @Test
  void shouldLetOnlyCoordinatorsAndBranchDesksRegisterAndOnlyCoordinatorsAndSupervisorsActOnTheClock()
      throws Exception {
    String number = submitted("START-ACCESS-1");
    long registrations = registrations();
    for (String user : new String[] {"sam", "carl", "helen"}) {
      assertThat(start(user, ComplaintRegistrationProcess.KEY, walkIn("周洁", "+86 139 1000 4001"))
          .getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertThat(registrations()).isEqualTo(registrations);
    for (String user : new String[] {"carl", "lara", "intake", "helen"}) {
      // 404 for who may not even read the model: Tasklist does not list it to them either
      assertThat(start(user, ClockActionProcess.KEY, clockAction(number, "PAUSE", "鉴定")).getStatusCode().value())
          .as(user).isIn(403, 404);
    }
    assertThat(count("SELECT COUNT(*) FROM clock_pause WHERE complaint_number = '" + number + "'")).isZero();

    // Tasklist's Start process list: only what the user may start
    assertThat(startable("cora")).containsExactlyInAnyOrder(ComplaintRegistrationProcess.KEY, ClockActionProcess.KEY,
        WithdrawalProcess.KEY, ExternalReferralProcess.KEY, ReopeningProcess.KEY);
    assertThat(startable("sam")).containsExactlyInAnyOrder(ClockActionProcess.KEY, ReopeningProcess.KEY);
    assertThat(startable("intake")).containsExactly(ComplaintRegistrationProcess.KEY);
    assertThat(startable("carl")).isEmpty();
  }

  @Test
  void shouldPauseAndResumeTheClockAndAskForAnExtensionShowingTheClockAfter() throws Exception {
    String number = submitted("START-CLOCK-1");

    // pause
    Task paused = note("cora", start("cora", ClockActionProcess.KEY, clockAction(number, "PAUSE", "等待司法鉴定结果")));
    assertThat(paused.getName()).isEqualTo("Clock " + number + " · 王秀英 · Credit card");
    assertThat(taskService.getVariables(paused.getId())).containsEntry("clockStateText", "Paused / 已暂停")
        .containsEntry("clockAction", "PAUSE");
    assertThat(taskService.getVariable(paused.getId(), "pausedSinceText")).isNotNull();
    assertThat(jdbc.sql("SELECT reason || '|' || paused_by FROM clock_pause WHERE complaint_number = ?").param(number)
        .query(String.class).single()).isEqualTo("等待司法鉴定结果|cora");

    // pausing again is refused, naming the action, and changes nothing
    long clockNotes = clockNotes();
    assertThat(message(start("sam", ClockActionProcess.KEY, clockAction(number, "PAUSE", "再次"))))
        .startsWith("The decision clock was not changed: Action / 操作 (clockAction) cannot be done now: The clock of complaint "
            + number + " cannot be paused now");
    assertThat(clockNotes()).isEqualTo(clockNotes);
    assertThat(count("SELECT COUNT(*) FROM clock_pause WHERE complaint_number = '" + number + "'")).isEqualTo(1);

    // resume
    Task resumed = note("sam", start("sam", ClockActionProcess.KEY, clockAction(number, "RESUME", null)));
    assertThat(taskService.getVariable(resumed.getId(), "clockStateText")).isNotEqualTo("Paused / 已暂停");
    assertThat(taskService.getVariable(resumed.getId(), "pausedSinceText")).isNull();
    assertThat(jdbc.sql("SELECT resumed_by FROM clock_pause WHERE complaint_number = ?").param(number)
        .query(String.class).single()).isEqualTo("sam");
    worker.runJobs(number);

    // an extension: asked for by cora, awaiting the supervisor's approval in the case
    Task asked = note("cora", start("cora", ClockActionProcess.KEY,
        clockAction(number, "REQUEST_EXTENSION", "需调取境外商户交易记录")));
    assertThat(taskService.getVariable(asked.getId(), "extensionAwaitingApproval")).isEqualTo(true);
    Task approval = worker.openTask(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION);
    assertThat(taskService.getVariables(approval.getId())).containsEntry("extensionRequestedBy", "cora")
        .containsEntry("extensionReason", "需调取境外商户交易记录");
    // a second request while the first waits is refused
    assertThat(message(start("cora", ClockActionProcess.KEY, clockAction(number, "REQUEST_EXTENSION", "再申请"))))
        .contains("(clockAction) cannot be done now: An extension of complaint " + number + " is already awaiting approval");
  }

  @Test
  void shouldRecordRegulationEProvisionalCreditInTheClockFormAndAskForTheLongerPeriod() throws Exception {
    String regE = submitted("START-CREDIT-1", false, "US-REG-E");
    String cn = submitted("START-CREDIT-2");
    String today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).toString();

    // bad values are refused naming the field, and nothing is recorded
    assertThat(message(start("cora", ClockActionProcess.KEY, credit(regE, -5.0, "USD", today))))
        .contains("Amount credited / 入账金额 (provisionalCreditAmount) must be an amount above 0");
    assertThat(message(start("cora", ClockActionProcess.KEY, credit(regE, 1280.0, "usd", today))))
        .contains("Currency / 币种 (provisionalCreditCurrency) must be an ISO 4217 currency code");
    assertThat(message(start("cora", ClockActionProcess.KEY, credit(regE, 1280.0, "USD",
        java.time.LocalDate.parse(today).plusDays(2).toString()))))
        .contains("Credited on / 入账日期 (provisionalCreditDate) must not be in the future");
    // a complaint outside Regulation E has no provisional credit
    assertThat(message(start("cora", ClockActionProcess.KEY, credit(cn, 1280.0, "CNY", today))))
        .contains("(clockAction) cannot be done now", "provisional credit extends only a Regulation E investigation");
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE provisional_credit_amount IS NOT NULL AND complaint_number IN ('"
        + regE + "', '" + cn + "')")).isZero();

    // when cora records today's credit of 1,280.00 USD
    Task recorded = note("cora", start("cora", ClockActionProcess.KEY, credit(regE, 1280.0, "USD", today)));

    // then it is on the case, by cora, and the supervisor is asked for the longer period
    assertThat(taskService.getVariable(recorded.getId(), "extensionAwaitingApproval")).isEqualTo(true);
    assertThat(jdbc.sql("SELECT provisional_credit_amount || '|' || provisional_credit_currency || '|'"
            + " || provisional_credit_recorded_by FROM complaint WHERE complaint_number = ?").param(regE)
        .query(String.class).single()).isEqualTo("1280.00|USD|cora");
    Task approval = worker.openTask(regE, ComplaintHandlingProcess.USER_APPROVE_EXTENSION);
    assertThat((String) taskService.getVariable(approval.getId(), "extensionReason"))
        .startsWith("Provisional credit of 1280.00 USD given on ").endsWith("(12 CFR 1005.11(c)(2)(i))");
  }

  @Test
  void shouldNoLongerOfferASummaryResolutionOnAFormReadAfterTheThirdBusinessDay() throws Exception {
    // given a UK complaint received on Christmas Eve 2026, whose window closes at the end of 31 Dec (London)
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-12-24T10:00:00Z")));
    try {
      String number = submitted("START-SRC-1", false, "UK-FCA-DISP");
      Task investigation = worker.openTask(number, io.disputeflow.process.InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
      assertThat(taskService.getVariableLocal(investigation.getId(), "summaryResolutionUntilText")).isNotNull();
      // within the window the form still offers it
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-12-31T22:00:00Z")));
      assertThat(as("cora").get(io.disputeflow.support.TasklistSession.ENGINE_API + "/task/" + investigation.getId() + "/form-variables", "application/json").getBody())
          .contains("summaryResolutionUntilText");
      // also to a REST client, whose request the engine authorizes before the option is checked
      assertThat(rest.withBasicAuth("cora", "demo").getForEntity("/engine-rest/task/" + investigation.getId()
          + "/form-variables", String.class).getBody()).contains("summaryResolutionUntilText");

      // when the coordinator opens the form after the window closed, with no event on the task in between
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2027-01-01T00:00:01Z")));
      ResponseEntity<String> read = as("cora").get(io.disputeflow.support.TasklistSession.ENGINE_API + "/task/" + investigation.getId() + "/form-variables", "application/json");

      // then the form no longer offers the summary resolution
      assertThat(read.getStatusCode().value()).isEqualTo(200);
      assertThat(read.getBody()).doesNotContain("summaryResolutionUntilText");
      assertThat(taskService.getVariableLocal(investigation.getId(), "summaryResolutionUntilText")).isNull();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  private static Map<String, Object> credit(String number, double amount, String currency, String day) {
    Map<String, Object> form = clockAction(number, "PROVISIONAL_CREDIT", null);
    form.put("provisionalCreditAmount", amount);
    form.put("provisionalCreditCurrency", currency);
    form.put("provisionalCreditDate", day);
    return form;
  }

  @Test
  void shouldRecordACustomersWithdrawalTakenByPhoneAndShowWhatItEnded() throws Exception {
    String number = submitted("START-WITHDRAW-1");
    Map<String, Object> form = new LinkedHashMap<>(Map.of("complaintNumber", number,
        "withdrawalReason", "客户来电：已与商户和解，不再投诉", "withdrawalConfirmed", true));

    // only coordinators may, and only with a reason and the customer's own request confirmed
    for (String user : new String[] {"sam", "carl", "intake"}) {
      assertThat(start(user, WithdrawalProcess.KEY, form).getStatusCode().value()).as(user).isIn(403, 404);
    }
    ResponseEntity<String> unconfirmed = start("cora", WithdrawalProcess.KEY, with(form, "withdrawalConfirmed", false));
    assertThat(unconfirmed.getStatusCode().value()).isEqualTo(400);
    assertThat(message(unconfirmed)).contains("(withdrawalConfirmed) must be confirmed");
    assertThat(message(start("cora", WithdrawalProcess.KEY, with(form, "withdrawalReason", " "))))
        .contains("Customer's reason / 客户撤回原因 (withdrawalReason) is required");
    assertThat(count("SELECT COUNT(*) FROM complaint_withdrawal WHERE complaint_number = '" + number + "'")).isZero();

    // when cora records it
    Task note = note("cora", start("cora", WithdrawalProcess.KEY, form));

    // then the case is withdrawn in her name, its investigation ended, and she sees what it ended
    assertThat(jdbc.sql("SELECT status FROM complaint WHERE complaint_number = ?").param(number).query(String.class)
        .single()).isEqualTo("WITHDRAWN");
    assertThat(jdbc.sql("SELECT withdrawn_by || '|' || stage FROM complaint_withdrawal WHERE complaint_number = ?")
        .param(number).query(String.class).single()).isEqualTo("cora|INVESTIGATION");
    assertThat(worker.openTasks(number)).isEmpty();
    assertThat(taskService.getVariables(note.getId())).containsEntry("withdrawnStageText", "Investigation / 调查核实")
        .containsEntry("customerName", "王秀英");
    assertThat((String) taskService.getVariable(note.getId(), "withdrawalEndedTasks")).contains("Investigate " + number);

    // and a second withdrawal is refused, naming the complaint number
    assertThat(message(start("cora", WithdrawalProcess.KEY, form)))
        .contains("Complaint number / 投诉编号 (complaintNumber) cannot be withdrawn: Complaint " + number
            + " is withdrawn");
  }

  @Test
  void shouldRegisterAnOutsideReferralAndReopenAClosedCaseFromTasklist() throws Exception {
    String number = submitted("START-REFER-1");
    Map<String, Object> referral = new LinkedHashMap<>(Map.of("complaintNumber", number, "referralBody", "MEDIATION",
        "referralOrganisation", "银行业消费纠纷调解中心", "referralReference", "TJ-2026-0099",
        "referredAtText", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));

    // every field at fault is named, and nothing is registered
    assertThat(message(start("cora", ExternalReferralProcess.KEY,
        with(with(referral, "referralReference", " "), "referredAtText", "next week"))))
        .contains("Their reference / 对方编号 (referralReference) must not be blank")
        .contains("Referred on / 转介日期 (referredAtText) must be an ISO date-time");
    assertThat(start("sam", ExternalReferralProcess.KEY, referral).getStatusCode().value()).isIn(403, 404);
    assertThat(count("SELECT COUNT(*) FROM external_referral WHERE complaint_number = '" + number + "'")).isZero();

    // when cora registers it: the referral is on file in her name, and the case file is the coordinators' to send
    assertThat(start("cora", ExternalReferralProcess.KEY, referral).getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT body || '|' || registered_by || '|' || status FROM external_referral"
        + " WHERE complaint_number = ?").param(number).query(String.class).single())
        .isEqualTo("MEDIATION|cora|CASE_FILE_DUE");
    Task send = worker.openTask(number, ExternalReferralProcess.USER_SEND_CASE_FILE);
    assertThat(send.getName()).isEqualTo("Send case file to outside body " + number + " · 王秀英 · Credit card");
    assertThat(taskService.getVariable(send.getId(), "caseFileDueAtText")).asString().endsWith("(Asia/Shanghai)");

    // reopening: an open case is refused, naming the complaint number; a closed one (an answered inquiry) reopens
    Map<String, Object> reopening = new LinkedHashMap<>(Map.of("complaintNumber", number,
        "reopeningGround", "NEW_FACTS", "reopeningReason", "客户补充了新的交易凭证"));
    assertThat(message(start("cora", ReopeningProcess.KEY, reopening)))
        .contains("Complaint number / 投诉编号 (complaintNumber) cannot be reopened: Complaint " + number + " is open");
    assertThat(message(start("cora", ReopeningProcess.KEY, with(with(reopening, "reopeningGround", "WHIM"),
        "reopeningReason", " ")))).contains("(reopeningGround) must be one of").contains("(reopeningReason) is required");
    String inquiry = submitted("START-REOPEN-1", true);
    worker.complete(inquiry, IntakeProcess.USER_ANSWER_INQUIRY, "cora", Map.of("inquiryAnswer", "年费已减免。"));
    assertThat(jdbc.sql("SELECT status FROM complaint WHERE complaint_number = ?").param(inquiry).query(String.class)
        .single()).isEqualTo("CLOSED");

    // when sam, a supervisor, reopens it
    Task note = note("sam", start("sam", ReopeningProcess.KEY, with(reopening, "complaintNumber", inquiry)));

    // then it is open again, handled as a complaint with a new deadline, and sam sees that deadline
    assertThat(jdbc.sql("SELECT status FROM complaint WHERE complaint_number = ?").param(inquiry).query(String.class)
        .single()).isEqualTo("OPEN");
    assertThat(jdbc.sql("SELECT reopened_by || '|' || ground FROM complaint_reopening WHERE complaint_number = ?")
        .param(inquiry).query(String.class).single()).isEqualTo("sam|NEW_FACTS");
    assertThat(taskService.getVariable(note.getId(), "reopenedDueText")).asString().endsWith("(Asia/Shanghai)");
    assertThat(worker.openTask(inquiry, io.disputeflow.process.InvestigationProcess.USER_INVESTIGATE_COMPLAINT))
        .isNotNull();
  }

  @Test
  void shouldRefuseAClockActionOnAnUnknownOrDecidedComplaintOrWithoutAReason() throws Exception {
    long clockNotes = clockNotes();
    assertThat(message(start("cora", ClockActionProcess.KEY, clockAction("CMP-1999-999999", "PAUSE", "鉴定"))))
        .isEqualTo("The decision clock was not changed: Complaint number / 投诉编号 (complaintNumber) names no complaint:"
            + " CMP-1999-999999. / 处理时限未变更：没有编号为 CMP-1999-999999 的投诉。");

    String number = submitted("START-CLOCK-2");
    ResponseEntity<String> noReason = start("cora", ClockActionProcess.KEY, clockAction(number, "REQUEST_EXTENSION", " "));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(message(noReason)).contains("Reason / 理由 (clockActionReason) is required to ask for an extension");
    assertThat(message(start("cora", ClockActionProcess.KEY, clockAction(number, "RESUME", null))))
        .contains("(clockAction) cannot be done now: The clock of complaint " + number + " is not paused");

    // an inquiry answered at first contact is decided and closed
    String inquiry = submitted("START-CLOCK-3", true);
    worker.complete(inquiry, IntakeProcess.USER_ANSWER_INQUIRY, "cora", Map.of("inquiryAnswer", "年费已减免。"));
    assertThat(message(start("cora", ClockActionProcess.KEY, clockAction(inquiry, "PAUSE", "鉴定"))))
        .contains("Complaint number / 投诉编号 (complaintNumber) cannot be done now: Complaint " + inquiry
            + " is already decided");
    assertThat(clockNotes()).isEqualTo(clockNotes);
    assertThat(count("SELECT COUNT(*) FROM clock_pause WHERE complaint_number IN ('" + number + "', '" + inquiry + "')"))
        .isZero();
  }

  // --- helpers

  private static Map<String, Object> walkIn(String name, String phone) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("channel", "BRANCH");
    form.put("customerName", name);
    form.put("customerPhone", phone);
    form.put("preferredLanguage", "zh-CN");
    form.put("customerVulnerable", false);
    form.put("product", "CREDIT_CARD");
    form.put("issue", "信用卡年费误收");
    form.put("narrative", "客户称已申请免年费，但本月账单仍收取年费300元。");
    form.put("disputedAmount", 300.0);
    form.put("disputedCurrency", "CNY");
    return form;
  }

  private static Map<String, Object> clockAction(String number, String action, String reason) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("complaintNumber", number);
    form.put("clockAction", action);
    if (reason != null) {
      form.put("clockActionReason", reason);
    }
    return form;
  }

  private static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(form);
    changed.put(key, value);
    return changed;
  }

  /** Submits the start form as Tasklist's Start process dialog does. */
  private ResponseEntity<String> start(String user, String key, Map<String, Object> values) throws Exception {
    ObjectNode variables = json.createObjectNode();
    values.forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      variable.putPOJO("value", value);
      variable.put("type", value instanceof Boolean ? "Boolean" : value instanceof Double ? "Double" : "String");
    });
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return as(user).post("/process-definition/key/" + key + "/submit-form", json.writeValueAsString(body));
  }

  /** The note the started instance left for who started it (Tasklist links to it after the start). */
  private Task note(String user, ResponseEntity<String> started) throws Exception {
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String instance = json.readTree(started.getBody()).get("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getAssignee()).isEqualTo(user);
    return task;
  }

  private String number(ResponseEntity<String> started) throws Exception {
    String instance = json.readTree(started.getBody()).get("id").asText();
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("complaintNumber").list().stream().filter(variable -> variable.getTaskId() == null)
        .map(variable -> (String) variable.getValue()).findFirst().orElseThrow();
  }

  private static long sequence(String number) {
    return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
  }

  private long registrations() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintRegistrationProcess.KEY)
        .count();
  }

  private long clockNotes() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ClockActionProcess.KEY).count();
  }

  private java.util.List<String> startable(String user) throws Exception {
    JsonNode list = json.readTree(as(user).call(HttpMethod.GET,
        "/process-definition?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true"
            + "&notStartableInTasklist=false", null).getBody());
    java.util.List<String> keys = new java.util.ArrayList<>();
    list.forEach(definition -> keys.add(definition.get("key").asText()));
    return keys;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private String message(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    return json.readTree(response.getBody()).get("message").asText();
  }

  private TasklistSession as(String user) {
    return TasklistSession.login(rest, user);
  }

  private String submitted(String reference) throws Exception {
    return submitted(reference, false);
  }

  private String submitted(String reference, boolean inquiryOnly) throws Exception {
    return submitted(reference, inquiryOnly, null);
  }

  private String submitted(String reference, boolean inquiryOnly, String regime) throws Exception {
    String body = Submissions.creditCardComplaint(reference + "-" + System.nanoTime());
    if (regime != null) {
      body = body.replaceFirst("\\{", "{\"regime\": \"" + regime + "\", ");
    }
    if (inquiryOnly) {
      body = body.replace("\"product\"", "\"inquiryOnly\": true, \"product\"");
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("intake", "demo");
    ResponseEntity<String> response = rest.exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    String number = json.readTree(response.getBody()).get("complaintNumber").asText();
    worker.runJobs(number);
    return number;
  }
}

package io.disputeflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.IntakeProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.process.UndeliveredLetterProcess;
import io.disputeflow.refusal.TaskActionRefusedException;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Letters through the whole application to a real SMTP server (GreenMail): rendered in the
 * customer's language, delivered after commit exactly once, retried with back-off on the engine
 * clock, FAILED visibly, retried by a coordinator, never sent twice by two dispatchers.
 */
@ApiTest
@DatabaseTest
class LetterDeliveryTests {

  private static final int SMTP_PORT = freePort();
  /** 2026-03-02 10:15 in Shanghai: the engine clock of every test here. */
  private static final Instant START = Instant.parse("2026-03-02T02:15:00Z");

  @RegisterExtension
  static final GreenMailExtension mailServer =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired LetterService letters;
  @Autowired LetterDispatcher dispatcher;
  @Autowired LetterRepository repository;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void startClock() {
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldSendEachLetterOnceInTheCustomersLanguageWithTheDecisionAndTheRemedies() throws Exception {
    // given a Chinese-speaking and an English-speaking customer whose complaints are decided
    String chinese = submit(Submissions.creditCardComplaint("MAIL-1001"));
    String english = submit(englishComplaint("MAIL-1002", "emma.clarke@example.com"));
    decide(chinese, "UPHOLD", 800.0, "重复扣款属实，退还并补偿");
    decide(english, "PARTLY_UPHOLD", 500.0, "The second charge was a duplicate; the first was authorised");

    // when the dispatcher runs, and again
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    // then each customer got the acknowledgement and the decision once, in their language
    assertThat(subjects(chinese)).containsExactly(
        "【投诉受理通知】您的投诉 " + chinese + " 已受理", "【投诉处理决定】投诉 " + chinese);
    assertThat(subjects(english)).containsExactly(
        "We have received your complaint " + english, "Our decision on your complaint " + english);

    // with the decision, the compensation and every remedy, the re-verification deadline 30 days on
    String zhDecision = body(messagesOf(chinese).get(1));
    assertThat(zhDecision).contains("尊敬的王秀英", "投诉编号：" + chinese, "处理决定：支持您的投诉请求",
        "补偿金额：800.00 CNY", "重复扣款属实，退还并补偿", "申请核查：请于 2026年4月1日 23:59 前", "申请调解",
        "申请仲裁", "人民法院提起诉讼", "国家金融监督管理总局", "12378");
    String enDecision = body(messagesOf(english).get(1));
    assertThat(enDecision).contains("Dear Emma Clarke", "complaint number " + english,
        "Decision: We partly uphold your complaint", "Compensation: 500.00 CNY",
        "The second charge was a duplicate", "re-verification (核查): tell us by 1 April 2026, 23:59", "Mediation",
        "Arbitration", "Litigation", "National Financial Regulatory Administration");
    MimeMessage message = messagesOf(english).get(1);
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("emma.clarke@example.com");
    assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Consumer Protection 消费者权益保护");
    assertThat(message.getHeader("Content-Language")).containsExactly("en");
    assertThat(message.getSentDate().toInstant()).isEqualTo(START);

    // and the deadline in the letter is the one the process waits for (tested with 核查 by e-mail below)

    // and the complaint record lists the letters as sent, with the Message-ID of each
    List<Letter> sent = letters.lettersOf(english);
    view(english)
        .andExpect(jsonPath("$.letters.length()", is(2)))
        .andExpect(jsonPath("$.letters[1].type", is("DECISION")))
        .andExpect(jsonPath("$.letters[1].language", is("en")))
        .andExpect(jsonPath("$.letters[1].status", is("SENT")))
        .andExpect(jsonPath("$.letters[1].attempts", is(1)))
        .andExpect(jsonPath("$.letters[1].sentAt", is("2026-03-02T10:15:00+08:00")))
        .andExpect(jsonPath("$.letters[1].messageId", is(message.getMessageID())));
    assertThat(message.getMessageID()).isEqualTo("<letter-" + sent.get(1).id() + "." + english + "@bank.example>");
  }

  @Test
  void shouldSendTheCoordinatorsAnswerToAnInquiry() throws Exception {
    // given an enquiry
    String number = submit(englishComplaint("MAIL-1501", "jack.hughes@example.com")
        .replace("\"product\"", "\"inquiryOnly\": true, \"product\""));

    // when a coordinator answers it and the dispatcher runs
    worker.complete(number, IntakeProcess.USER_ANSWER_INQUIRY, "cora",
        Map.of("inquiryAnswer", "A duplicate charge is refunded within 7 working days."));
    dispatcher.dispatchDue();

    // then the customer has the acknowledgement and the answer
    assertThat(subjects(number)).containsExactly("We have received your complaint " + number,
        "Our answer to your enquiry " + number);
    assertThat(body(messagesOf(number).get(1)))
        .contains("Here is our answer:\n\nA duplicate charge is refunded within 7 working days.");
  }

  @Test
  void shouldRenderEveryLetterInBothLanguagesWithWhatTheStepKnows() throws Exception {
    // given a decided complaint of each language
    String chinese = submit(Submissions.creditCardComplaint("MAIL-2001"));
    String english = submit(englishComplaint("MAIL-2002", "li.wei@example.com"));
    OffsetDateTime newDueAt = OffsetDateTime.parse("2026-04-01T18:00:00+08:00");

    // when every kind of letter is written
    Map<String, List<LetterCopy>> written = new HashMap<>();
    for (String number : List.of(chinese, english)) {
      decide(number, "REJECT", 0.0, "Charge authorised / 交易经授权");
      List<Long> ids = List.of(
          letters.queueInquiryAnswer(number, "Refunds take 7 days / 退款需7天"),
          letters.queueExtensionNotice(number, newDueAt, "Card scheme chargeback pending / 等待卡组织调单"),
          letters.queuePauseNotice(number, "External appraisal of the signature / 签名外部鉴定"),
          letters.queueReverificationDecision(number, "REVISED", "Log incomplete / 日志不完整"),
          letters.queueSurveyInvitation(number, "P7D"));
      written.put(number, ids.stream().map(id -> letters.copyOf(number, id)).toList());
    }

    // then each says what it must, in the customer's language
    assertThat(written.get(chinese)).allSatisfy(copy -> {
      assertThat(copy.letter().language()).isEqualTo("zh-CN");
      assertThat(copy.subject()).contains(chinese);
      assertThat(copy.body()).contains("尊敬的王秀英", "消费者权益保护部", "2026年3月2日").doesNotContain("{{");
    });
    assertThat(written.get(chinese)).extracting(LetterCopy::body).satisfiesExactly(
        answer -> assertThat(answer).contains("Refunds take 7 days / 退款需7天"),
        extension -> assertThat(extension).contains("处理期限延长至 2026年4月1日 18:00", "等待卡组织调单"),
        pause -> assertThat(pause).contains("处理期限自 2026年3月2日 10:15 起暂停计算", "签名外部鉴定"),
        reverification -> assertThat(reverification).contains("核查结论：变更原处理决定", "日志不完整", "申请调解",
            "国家金融监督管理总局").doesNotContain("申请核查"),
        survey -> assertThat(survey).contains("1 至 5 分", "请于 2026年3月9日 10:15 前"));
    assertThat(written.get(english)).allSatisfy(copy -> {
      assertThat(copy.letter().language()).isEqualTo("en");
      assertThat(copy.subject()).contains(english);
      assertThat(copy.body()).contains("Dear Emma Clarke", "Consumer Protection Department", "2 March 2026")
          .doesNotContain("{{");
    });
    assertThat(written.get(english)).extracting(LetterCopy::body).satisfiesExactly(
        answer -> assertThat(answer).contains("Here is our answer", "Refunds take 7 days"),
        extension -> assertThat(extension).contains("extended the time for our decision to 1 April 2026, 18:00",
            "Card scheme chargeback pending"),
        pause -> assertThat(pause).contains("stopped running on 2 March 2026, 10:15", "External appraisal"),
        reverification -> assertThat(reverification).contains("Outcome: We have changed our original decision",
            "Decision: We do not uphold your complaint", "Log incomplete", "Mediation").doesNotContain("Compensation"),
        survey -> assertThat(survey).contains("from 1 to 5", "by 9 March 2026, 10:15"));
  }

  @Test
  void shouldRetryWithBackOffThenFailVisiblyAndSendOnceWhenRetriedAfterTheServerIsBack() throws Exception {
    // given the mail server is down when a complaint is acknowledged
    mailServer.stop();
    String number = submit(englishComplaint("MAIL-3001", "sam.taylor@example.com"));
    long letter = letters.lettersOf(number).get(0).id();

    // when the dispatcher tries: once now, and not again before the back-off of a minute has passed
    dispatcher.dispatchDue();
    ClockUtil.setCurrentTime(Date.from(START.plusSeconds(59)));
    dispatcher.dispatchDue();

    // then one attempt is on record, with the error and the time of the next
    view(number)
        .andExpect(jsonPath("$.letters[0].status", is("QUEUED")))
        .andExpect(jsonPath("$.letters[0].attempts", is(1)))
        .andExpect(jsonPath("$.letters[0].nextAttemptAt", is("2026-03-02T10:16:00+08:00")))
        .andExpect(jsonPath("$.letters[0].lastError", containsString("Connection refused")));

    // when four more minutes pass, one attempt a minute
    for (int minute = 1; minute <= 4; minute++) {
      ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofMinutes(minute))));
      dispatcher.dispatchDue();
    }

    // then after the fifth attempt the letter is FAILED, and stays so
    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofHours(1))));
    dispatcher.dispatchDue();
    view(number)
        .andExpect(jsonPath("$.letters[0].status", is("FAILED")))
        .andExpect(jsonPath("$.letters[0].attempts", is(5)))
        .andExpect(jsonPath("$.letters[0].nextAttemptAt").doesNotExist());

    // when the server is back and a coordinator retries the letter
    mailServer.start();
    dispatcher.dispatchDue();
    assertThat(messagesOf(number)).isEmpty();
    retry(number, letter, "cora")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status", is("QUEUED")))
        .andExpect(jsonPath("$.attempts", is(0)));
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    // then it is sent exactly once
    assertThat(messagesOf(number)).hasSize(1);
    view(number)
        .andExpect(jsonPath("$.letters[0].status", is("SENT")))
        .andExpect(jsonPath("$.letters[0].attempts", is(1)))
        .andExpect(jsonPath("$.letters[0].lastError").doesNotExist());
    retry(number, letter, "cora")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", is("Letter " + letter + " is SENT; only a FAILED letter can be retried")));
  }

  @Test
  void shouldGiveACoordinatorAnUndeliveredLetterAsATaskAndSendItWhenTheTaskSaysRetry() throws Exception {
    // given the mail server is down while a complaint's acknowledgement is tried five times
    mailServer.stop();
    String number = submit(englishComplaint("MAIL-6001", "emma.clarke@example.com"));
    long letter = letters.lettersOf(number).get(0).id();
    for (int minute = 0; minute <= 4; minute++) {
      ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofMinutes(minute))));
      dispatcher.dispatchDue();
    }

    // then the letter is FAILED, a coordinator has a task named after the customer, and the forms say so
    assertThat(letters.lettersOf(number).get(0).status()).isEqualTo(LetterStatus.FAILED);
    Task undelivered = worker.openTask(number, UndeliveredLetterProcess.USER_RESOLVE_UNDELIVERED_LETTER);
    assertThat(undelivered.getName()).isEqualTo("Letter to Emma Clarke could not be delivered · " + number);
    assertThat(taskService.getIdentityLinksForTask(undelivered.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("coordinator");
    Task investigation = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    assertThat(lettersText(investigation)).contains("ACKNOWLEDGEMENT · en · **Not delivered / 投递失败** after 5"
        + " attempts / 已尝试 5 次: ", "Connection refused");
    assertThat(lettersText(undelivered)).isEqualTo(lettersText(investigation));

    // when the coordinator gives a new address that is none, the task stays open with a clear error
    CaseWorker.authenticate(identityService, "cora");
    try {
      taskService.claim(undelivered.getId(), "cora");
      assertThatThrownBy(() -> taskService.complete(undelivered.getId(),
          Map.of("letterAction", "NEW_ADDRESS", "newEmail", "emma at example")))
          .hasRootCauseInstanceOf(TaskActionRefusedException.class)
          .hasRootCauseMessage("newEmail: Not an e-mail address like name@example.com: emma at example");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(worker.openTask(number, UndeliveredLetterProcess.USER_RESOLVE_UNDELIVERED_LETTER)).isNotNull();

    // when the server is back and the coordinator completes the task with RETRY
    mailServer.start();
    worker.complete(worker.openTask(number, UndeliveredLetterProcess.USER_RESOLVE_UNDELIVERED_LETTER), "cora",
        Map.of("letterAction", "RETRY"));
    assertThat(letters.lettersOf(number).get(0).status()).isEqualTo(LetterStatus.QUEUED);
    assertThat(lettersText(investigation)).contains("ACKNOWLEDGEMENT · en · **Queued / 待发送**");
    dispatcher.dispatchDue();

    // then the letter is sent once, the task is done, and the case's form shows it sent
    assertThat(messagesOf(number)).hasSize(1);
    assertThat(letters.lettersOf(number).get(0).status()).isEqualTo(LetterStatus.SENT);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(UndeliveredLetterProcess.KEY).count()).isZero();
    assertThat(lettersText(investigation)).isEqualTo(
        "- ACKNOWLEDGEMENT · en · **Sent / 已发送** 2026-03-02 10:19 (Asia/Shanghai)\n");
    assertThat(letter).isPositive();
  }

  private String lettersText(Task task) {
    return (String) taskService.getVariableLocal(task.getId(), LetterLinks.LETTERS_TEXT);
  }

  @Test
  void shouldNeverSendALetterTwiceWhenTwoDispatchersRace() throws Exception {
    String number = submit(Submissions.creditCardComplaint("MAIL-4001"));
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 3; round++) {
        // given a burst of letters
        for (int i = 0; i < 20; i++) {
          letters.queueAcknowledgement(number);
        }
        // when two dispatchers start on them at the same moment
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> dispatches = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
          dispatches.add(nodes.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return dispatcher.dispatchDue();
          }));
        }
        for (Future<Integer> dispatch : dispatches) {
          dispatch.get(60, TimeUnit.SECONDS);
        }
        // then between them they sent each letter once
        assertThat(messagesOf(number)).as("messages after round %d", round).hasSize(1 + 20 * round);
      }
    } finally {
      nodes.shutdownNow();
    }
    List<String> messageIds = new ArrayList<>();
    for (MimeMessage message : messagesOf(number)) {
      messageIds.add(message.getMessageID());
    }
    List<Letter> written = letters.lettersOf(number);
    assertThat(written).hasSize(61).allSatisfy(letter -> {
      assertThat(letter.status()).isEqualTo(LetterStatus.SENT);
      assertThat(letter.attempts()).isOne();
    });
    assertThat(messageIds).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(written.stream().map(Letter::messageId).toList());
  }

  @Test
  void shouldSendALetterAgainWithTheSameMessageIdWhenItsNodeDiedWhileSendingIt() throws Exception {
    // given a node claimed the acknowledgement and died before recording the outcome
    String number = submit(englishComplaint("MAIL-5001", "olivia.brown@example.com"));
    OffsetDateTime now = START.atOffset(ZoneOffset.UTC);
    LetterRepository.DueLetter due = repository.due(now, 1000).stream()
        .filter(letter -> letter.complaintNumber().equals(number)).findFirst().orElseThrow();
    assertThat(repository.claim(due, now, now.plusMinutes(5))).isTrue();

    // when the other nodes look before and after the claim runs out
    dispatcher.dispatchDue();
    assertThat(messagesOf(number)).isEmpty();
    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofMinutes(5))));
    dispatcher.dispatchDue();

    // then it is sent, as the message the dead node would have sent
    assertThat(messagesOf(number)).singleElement().satisfies(message -> assertThat(message.getMessageID())
        .isEqualTo("<letter-" + due.id() + "." + number + "@bank.example>"));
    assertThat(letters.lettersOf(number)).singleElement().satisfies(letter -> {
      assertThat(letter.status()).isEqualTo(LetterStatus.SENT);
      assertThat(letter.attempts()).isEqualTo(2);
    });
  }

  @Test
  void shouldKeepALetterForPrintWhenTheCustomerHasNoEmailAddress() throws Exception {
    // given a customer who gave no e-mail address
    String number = submit(Submissions.creditCardComplaint("MAIL-6001")
        .replace("\"email\": \"wang.xiuying@example.cn\", ", ""));

    // when the dispatcher runs
    dispatcher.dispatchDue();

    // then the acknowledgement waits to be printed and posted, its text on file
    assertThat(messagesOf(number)).isEmpty();
    long letter = letters.lettersOf(number).get(0).id();
    view(number)
        .andExpect(jsonPath("$.letters[0].type", is("ACKNOWLEDGEMENT")))
        .andExpect(jsonPath("$.letters[0].status", is("PRINT")))
        .andExpect(jsonPath("$.letters[0].recipient").doesNotExist());
    mvc.perform(get("/api/complaints/" + number + "/letters/" + letter).with(httpBasic("cora", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.subject", is("【投诉受理通知】您的投诉 " + number + " 已受理")))
        .andExpect(jsonPath("$.body", containsString("投诉编号：" + number)));
  }

  @Test
  void shouldOpenTheReverificationWindowWhenTheMailServerAcceptsTheDecisionAndAcceptARequestOnItsLastDay()
      throws Exception {
    // given a decision e-mailed while the mail server is down for two days
    String number = submit(englishComplaint("MAIL-8001", "olivia.brown@example.com"));
    mailServer.stop();
    decide(number, "REJECT", 0.0, "The charge was authorised");
    view(number).andExpect(jsonPath("$.deadlines.contestUntil").doesNotExist());

    // when silence would have closed a window counted from queueing, the case still waits for the letter
    Instant accepted = START.plus(Duration.ofDays(2));
    ClockUtil.setCurrentTime(Date.from(accepted));
    worker.runJobs(number);
    assertThat(contestTimer(number).getDuedate().toInstant()).isAfter(accepted);

    // and once the mail server accepts it, the 30 days run from that day: to the end of 3 April
    mailServer.start();
    dispatcher.dispatchDue();
    ClockUtil.setCurrentTime(Date.from(accepted.plus(Duration.ofHours(1)).plusSeconds(1)));
    worker.runJobs(number);
    view(number).andExpect(jsonPath("$.letters[1].status", is("SENT")))
        .andExpect(jsonPath("$.deadlines.contestUntil", is("2026-04-03T23:59:59.999+08:00")));
    assertThat(contestTimer(number).getDuedate().toInstant()).isEqualTo(Instant.parse("2026-04-03T16:00:00Z"));

    // then a request in the last minute of the last day is accepted
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-03T15:59:00Z")));
    worker.runJobs(number);
    customerAction(number, "reverification-request", "{\"reason\": \"I never authorised it\"}")
        .andExpect(status().isAccepted());
  }

  @Test
  void shouldCountThePostedDecisionsWindowFromItsRecordedDeliveryOrItsDeemedDelivery() throws Exception {
    // given two decisions posted on 2 March to customers without e-mail (deemed delivered 7 days later)
    String delivered = submit(Submissions.creditCardComplaint("MAIL-9001")
        .replace("\"email\": \"wang.xiuying@example.cn\", ", ""));
    String deemed = submit(Submissions.creditCardComplaint("MAIL-9002")
        .replace("\"email\": \"wang.xiuying@example.cn\", ", ""));
    decide(delivered, "REJECT", 0.0, "交易经本人授权");
    decide(deemed, "REJECT", 0.0, "交易经本人授权");
    view(deemed).andExpect(jsonPath("$.deadlines.contestUntil", is("2026-04-08T23:59:59.999+08:00")));
    long letter = letters.lettersOf(delivered).get(1).id();
    assertThat(letters.copyOf(delivered, letter).body()).contains("申请核查：请于 2026年4月8日 23:59 前");

    // when the post office records one delivered on 12 March: 30 days end on Saturday 11 April, moved to Monday
    mvc.perform(post("/api/complaints/" + delivered + "/letters/" + letter + "/delivery").with(httpBasic("cora", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"deliveredAt\": \"2026-03-02T10:00:00+08:00\"}"))
        .andExpect(status().isBadRequest());
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-12T08:00:00Z")));
    mvc.perform(post("/api/complaints/" + delivered + "/letters/" + letter + "/delivery").with(httpBasic("cora", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"deliveredAt\": \"2026-03-12T10:00:00+08:00\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deliveredAt", is("2026-03-12T10:00:00+08:00")));
    view(delivered).andExpect(jsonPath("$.deadlines.contestUntil", is("2026-04-13T23:59:59.999+08:00")));

    // then after the letter's own date only the case without a delivery record is closed by silence
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-08T16:00:01Z")));
    worker.runJobs(List.of(delivered, deemed));
    view(deemed).andExpect(jsonPath("$.resolutionOutcome", is("ACCEPTED_BY_SILENCE")));
    customerAction(deemed, "reverification-request", "{\"reason\": \"太晚了\"}").andExpect(status().isConflict());
    view(delivered).andExpect(jsonPath("$.awaiting", hasItem("REVERIFICATION_REQUEST")));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-13T12:00:00Z")));
    worker.runJobs(List.of(delivered, deemed));
    customerAction(delivered, "reverification-request", "{\"reason\": \"我没有授权\"}")
        .andExpect(status().isAccepted());
  }

  @Test
  void shouldNameEachRegimesRemedyInTheDecisionLetter() throws Exception {
    // given a UK and a US customer's complaints decided
    String uk = submit(englishComplaint("MAIL-8101", "amelia.jones@example.co.uk").replaceFirst("\\{", "{\"regime\": \"UK-FCA-DISP\", "));
    String us = submit(englishComplaint("MAIL-8102", "liam.smith@example.com").replaceFirst("\\{", "{\"regime\": \"US-CFPB\", "));
    decide(uk, "REJECT", 0.0, "The charge was authorised");
    decide(us, "REJECT", 0.0, "The charge was authorised");

    // then the UK letter refers to the Financial Ombudsman Service, the US one to the CFPB; neither offers 核查 or 12378
    String ukLetter = letters.copyOf(uk, letters.lettersOf(uk).get(1).id()).body();
    assertThat(ukLetter).contains("Financial Ombudsman Service", "within six months").doesNotContain("核查", "12378");
    String usLetter = letters.copyOf(us, letters.lettersOf(us).get(1).id()).body();
    assertThat(usLetter).contains("Consumer Financial Protection Bureau", "consumerfinance.gov")
        .doesNotContain("核查", "12378", "Ombudsman");
  }

  private Job contestTimer(String number) {
    String resolution = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ResolutionProcess.KEY).singleResult().getId();
    return managementService.createJobQuery().processInstanceId(resolution)
        .activityId(ResolutionProcess.TIMER_CONTEST_WINDOW_CLOSED).singleResult();
  }

  private ResultActions customerAction(String number, String action, String body) throws Exception {
    return mvc.perform(post("/api/complaints/" + number + "/" + action).with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  @Test
  void shouldAlertWhenARegulationEResultIsNotReportedWithinThreeBusinessDaysOfTheDecision() throws Exception {
    // given two Regulation E notices, one customer with e-mail (her decision letter waits for the mail server),
    // one without (his is posted as soon as it is queued)
    String emailed = submit(englishComplaint("MAIL-E1", "emma.clarke@example.com")
        .replaceFirst("\\{", "{\"regime\": \"US-REG-E\", "));
    String posted = submit(englishComplaint("MAIL-E2", "x@example.com").replace("\"email\": \"x@example.com\", ", "")
        .replaceFirst("\\{", "{\"regime\": \"US-REG-E\", "));

    // when both are decided on Sunday 1 March 2026, 22:15 in New York
    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofHours(1))));
    decide(emailed, "REJECT", 0.0, "The transfer was authorised");
    decide(posted, "REJECT", 0.0, "The transfer was authorised");

    // then the result is due within 3 business days: the end of Wednesday 4 March in New York
    view(emailed).andExpect(jsonPath("$.deadlines.resultReportDueAt", is("2026-03-05T12:59:59.999+08:00")));
    assertThat(clockTimer(emailed).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-05T04:59:59.999Z")));

    // when the 3 business days pass without the e-mail going out
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-05T05:00:00Z")));
    worker.runJobs(List.of(emailed, posted));

    // then coordinator and supervisor are alerted, once, about the unreported result only
    assertThat(alerts(emailed)).containsExactly("RESULT_REPORT_BREACH");
    assertThat(alerts(posted)).isEmpty();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-09T05:00:00Z")));
    worker.runJobs(List.of(emailed, posted));
    assertThat(alerts(emailed)).containsExactly("RESULT_REPORT_BREACH");
    assertThat(clockTimer(emailed)).as("the clock stops after the alert").isNull();
  }

  private org.camunda.bpm.engine.runtime.Job clockTimer(String number) {
    String main = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(io.disputeflow.process.ComplaintHandlingProcess.KEY).singleResult().getId();
    return managementService.createJobQuery().timers().processInstanceId(main)
        .activityId(io.disputeflow.process.ComplaintHandlingProcess.TIMER_NEXT_CLOCK_ALERT).singleResult();
  }

  private List<String> alerts(String number) {
    return jdbc.sql("SELECT alert FROM clock_alert WHERE complaint_number = ? ORDER BY id").param(number)
        .query(String.class).list();
  }

  @Test
  void shouldAnswerProblemsForALetterThatCannotBeRetried() throws Exception {
    String number = submit(Submissions.creditCardComplaint("MAIL-7001"));
    String other = submit(englishComplaint("MAIL-7002", "noah.wilson@example.com"));
    long letter = letters.lettersOf(number).get(0).id();

    retry(number, letter, "cora").andExpect(status().isConflict())
        .andExpect(jsonPath("$.letterStatus", is("QUEUED")));
    retry(other, letter, "cora").andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", is("Complaint " + other + " has no letter " + letter)));
    retry("CMP-1999-999999", letter, "cora").andExpect(status().isNotFound());
    retry(number, letter, "intake").andExpect(status().isForbidden());
    mvc.perform(post("/api/complaints/" + number + "/letters/first/retry").with(httpBasic("cora", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("id")));
  }

  private void decide(String number, String decision, double compensation, String grounds) {
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "客户陈述属实 / confirmed");
    investigation.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "Bill re-audited", "reviewRecommendation", decision));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "chen", Map.of("decision", decision,
        "compensationAmount", compensation, "decisionGrounds", grounds));
  }

  private static String englishComplaint(String reference, String email) {
    return """
        {
          "channel": "EMAIL",
          "externalReference": "%s",
          "customer": {"customerId": "C-%s", "name": "Emma Clarke", "email": "%s", "preferredLanguage": "en"},
          "product": "CREDIT_CARD",
          "issue": "Card charged twice for one purchase",
          "narrative": "My card was charged twice on 1 March for the same purchase of 500.00 CNY.",
          "disputedAmount": {"amount": 500.00, "currency": "CNY"}
        }
        """.formatted(reference, reference, email);
  }

  private String submit(String body) throws Exception {
    String created = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(created).get("complaintNumber").asText();
  }

  private ResultActions view(String number) throws Exception {
    return mvc.perform(get("/api/complaints/" + number).with(httpBasic("cora", "demo"))).andExpect(status().isOk());
  }

  private ResultActions retry(String number, long letter, String user) throws Exception {
    return mvc.perform(post("/api/complaints/" + number + "/letters/" + letter + "/retry")
        .with(httpBasic(user, "demo")));
  }

  /** The messages the mail server took for one complaint, in the order it took them. */
  private static List<MimeMessage> messagesOf(String number) {
    return Arrays.stream(mailServer.getReceivedMessages())
        .filter(message -> messageId(message).contains("." + number + "@"))
        .toList();
  }

  private static List<String> subjects(String number) throws MessagingException {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : messagesOf(number)) {
      subjects.add(message.getSubject());
    }
    return subjects;
  }

  /** The text as the customer reads it (mail travels with CRLF line ends). */
  private static String body(MimeMessage message) throws MessagingException, IOException {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

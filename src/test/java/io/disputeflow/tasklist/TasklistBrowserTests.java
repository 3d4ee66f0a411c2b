package io.disputeflow.tasklist;

import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.TasklistPage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.BrowserTraffic;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Chromium;
import io.disputeflow.support.Submissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One whole complaint worked in Camunda Tasklist in headless Chromium (Debian's chromium and
 * chromium-driver): the channel submits it, cora investigates, carl reviews for cards, cora
 * proposes a compensation above her authority, sam approves it, the customer accepts and rates
 * it, cora records the root cause. The browser runs in UTC to show that forms give the bank's
 * time. Every wait is on an element or on the engine; screenshots of each form go to
 * target/tasklist-screenshots/. Every login and every form field is typed key by key (WebDriver's
 * keyboard input), and a field must hold exactly what was typed; the browser's requests of the whole
 * run are listed in tasklist-requests.txt there, and none may be answered with a sign-in challenge.
 */
@ApplicationTest
class TasklistBrowserTests {

  static final Path SCREENSHOTS = Path.of("target/tasklist-screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String FINDINGS = "客户于3月2日在「星巴克」消费一次，却被扣款两次，各￥1,280.00元；系统日志已核实。";
  private static final String REVIEW = "信用卡部复核：清算文件重复入账，属实。";
  private static final String GROUNDS = "重复扣款属实，全额退还并补偿因此产生的利息与不便。";
  private static final String APPROVAL = "同意补偿方案。";
  private static final String ROOT_CAUSE_NOTES = "清算批处理重试未做幂等校验。";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  private ChromeDriver browser;
  private final BrowserTraffic traffic = new BrowserTraffic();
  private WebDriverWait wait;
  /** The form helpers the browser tests share; this class keeps its own login, filters and completion. */
  private TasklistPage page;
  private int shots;

  @BeforeEach
  void startBrowser(@Autowired ProcessEngine engine, @TempDir Path profile) throws IOException {
    ApplicationEngine.registerForWebRequests(engine);
    Files.createDirectories(SCREENSHOTS);
    browser = Chromium.headless(profile, 1440, 900, "UTC");
    wait = new WebDriverWait(browser, PATIENCE);
    page = new TasklistPage(browser, base(), PATIENCE, SCREENSHOTS);
    // screenshots of 1440 x 900 like the README's: the window's own frame takes part of its size
    long viewport = (Long) browser.executeScript("return window.innerHeight;");
    browser.manage().window().setSize(new Dimension(1440, 900 + (900 - (int) viewport)));
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      // every request of the whole run, with its answer: none may be a sign-in challenge (it would open the
      // browser's own dialog over Tasklist)
      List<BrowserTraffic.Exchange> requests = traffic.collect(browser).to(base());
      browser.quit();
      Files.writeString(SCREENSHOTS.resolve("tasklist-requests.txt"),
          requests.stream().map(Object::toString).collect(Collectors.joining("\n", "", "\n")));
      assertThat(requests).isNotEmpty().allSatisfy(exchange ->
          assertThat(exchange.header("www-authenticate")).as(exchange.toString()).isNull());
    }
  }

  @Test
  void shouldWorkAWholeComplaintInTasklist() throws Exception {
    try {
      workAWholeComplaint();
    } catch (Throwable failure) {
      shot("failure");
      Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource());
      throw failure;
    }
  }

  private void workAWholeComplaint() throws Exception {
    // a channel submits the complaint
    JsonNode complaint = submit();
    String number = complaint.get("complaintNumber").asText();
    String title = number + " · 王秀英 · Credit card";
    String decisionDue = bankTime(complaint.get("decisionDueAt").asText());

    // cora takes the investigation from her group's filter
    login("cora");
    showFilter("My group / 我的组", number);
    assertThat(listRow(number)).contains("Investigate " + title, "Complaint / 投诉编号: " + number,
        "Decision due / 处理时限: " + decisionDue, "Customer / 客户: 王秀英");
    shot("my-group-filter");
    openTask(number);
    shot("investigate-summary");
    assertThat(page.taskName()).isEqualTo("Investigate " + title);
    String summary = page.formText();
    assertThat(summary).contains("Complaint / 投诉 " + number, "王秀英", "Credit card / 信用卡",
        "信用卡账单重复扣款 duplicate charge", "1280 CNY", "Billing dispute / 账单争议",
        "Decision due / 处理时限 " + decisionDue, "我在3月2日的消费被扣款两次");
    assertThat(summary).doesNotContain("BILLING_DISPUTE", "dept-cards");
    page.claim();
    page.type("field_investigation_findings", FINDINGS);
    assertThat(page.field("field_departments-0").isSelected()).as("cards pre-selected by the classification").isTrue();
    shot("investigate-complaint");
    complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);

    // carl reviews the card bill for the cards department
    login("carl");
    openFromFilter("My group / 我的组", number);
    shot("review-summary");
    assertThat(page.taskName()).isEqualTo("Review department facts " + title);
    assertThat(page.formText()).contains(FINDINGS, "Department under review / 复核部门 Cards / 信用卡部");
    page.claim();
    page.type("field_review_findings", REVIEW);
    page.choose("field_review_recommendation-0");
    shot("review-department");
    complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT);

    // cora proposes a compensation above her authority
    login("cora");
    openFromFilter("My group / 我的组", number);
    assertThat(page.taskName()).isEqualTo("Propose resolution " + title);
    assertThat(page.formText()).contains(FINDINGS, REVIEW);
    page.claim();
    page.choose("field_decision-0");
    // the grounds before the amount: Tasklist's form-js (1.8.7) commits a number field once more 0.3 s after
    // it is left, and that re-render empties text being typed into another field meanwhile (docs/tasklist.md)
    page.type("field_decision_grounds", GROUNDS);
    page.type("field_compensation_amount", "5000");
    shot("propose-resolution");
    complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION);

    // sam approves it from Awaiting approval
    login("sam");
    openFromFilter("Awaiting approval / 待审批", number);
    assertThat(page.taskName()).isEqualTo("Approve compensation " + title);
    assertThat(page.formText()).contains("Uphold / 支持客户诉求", "5000 CNY", "Supervisor / 主管", GROUNDS);
    page.claim();
    page.choose("field_compensation_approved-0");
    page.type("field_approval_comment", APPROVAL);
    shot("approve-compensation");
    complete(number, ResolutionProcess.USER_APPROVE_COMPENSATION);

    // the customer accepts and rates it through the channel
    customerAction(number, "customer-response", "{\"accepted\": true}");
    worker.runJobs(number);
    worker.payRedress(number);
    customerAction(number, "survey", "{\"score\": 4, \"comment\": \"处理及时。\"}");
    worker.runJobs(number);

    // cora records the root cause
    login("cora");
    openFromFilter("My group / 我的组", number);
    assertThat(page.taskName()).isEqualTo("Record root cause " + title);
    page.claim();
    select("field_root_cause", "System fault / 系统故障");
    select("field_root_cause_department", "Cards / 信用卡部");
    page.type("field_root_cause_notes", ROOT_CAUSE_NOTES);
    shot("record-root-cause");
    complete(number, FeedbackProcess.USER_RECORD_ROOT_CAUSE);

    // then the case is closed with every Chinese answer stored exactly as typed
    assertThat(jdbc.sql("SELECT status FROM complaint WHERE complaint_number = ?").param(number)
        .query(String.class).single()).isEqualTo("CLOSED");
    assertThat(jdbc.sql("SELECT investigation_findings || '|' || decision_grounds FROM complaint"
        + " WHERE complaint_number = ?").param(number).query(String.class).single()).isEqualTo(FINDINGS + "|" + GROUNDS);
    assertThat(jdbc.sql("SELECT findings FROM department_review WHERE complaint_number = ?").param(number)
        .query(String.class).single()).isEqualTo(REVIEW);
    assertThat(historicValues(number, "approvalComment")).containsOnly(APPROVAL);
    assertThat(historicValues(number, "rootCauseNotes")).containsOnly(ROOT_CAUSE_NOTES);
  }

  /** As a person logs in: types the name and password, then clicks Log in. */
  private void login(String user) {
    page.login(user);
    traffic.collect(browser);
  }

  private void openFromFilter(String filter, String number) {
    showFilter(filter, number);
    openTask(number);
  }

  private void showFilter(String filter, String number) {
    Chromium.clickCurrent(browser, PATIENCE, By.xpath(
        "//div[contains(@class,'task-filter')]//h4//a[contains(normalize-space(.), '" + filter + "')]"));
    wait.until(ExpectedConditions.elementToBeClickable(row(number)));
  }

  private void openTask(String number) {
    Chromium.clickCurrent(browser, PATIENCE, By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + number
        + "')]//h4//a"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), number));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-textarea, .fjs-form-field-radio")));
  }

  private static By row(String number) {
    return By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + number + "')]");
  }

  /** The list row as a user reads it, with the columns Tasklist folds away. */
  private String listRow(String number) {
    return browser.findElement(row(number)).getDomProperty("textContent").replaceAll("\\s+", " ");
  }

  /** form-js draws its own drop-down: open it and pick the option by its label. */
  private void select(String id, String label) {
    WebElement select = page.field(id).findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')]"));
    page.click(select.findElement(By.cssSelector(".fjs-input-group")));
    page.click(wait.until(ExpectedConditions.elementToBeClickable(select.findElement(By.xpath(
        ".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']")))));
  }

  private void complete(String number, String taskKey) {
    page.click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("section.task-card")));
    wait.until(driver -> taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
        .count() == 0);
    worker.runJobs(number);
  }

  private void shot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve("%02d-%s.png".formatted(++shots, name)),
        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** The value in every instance of the case that holds the variable (call activities pass it on). */
  private java.util.List<String> historicValues(String number, String variable) {
    return jdbc.sql("SELECT v.TEXT_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON v.PROC_INST_ID_ = p.PROC_INST_ID_"
        + " WHERE p.BUSINESS_KEY_ = ? AND v.NAME_ = ?").param(number).param(variable).query(String.class).list();
  }

  private static String bankTime(String isoOffsetDateTime) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
        OffsetDateTime.parse(isoOffsetDateTime).atZoneSameInstant(ZoneId.of("Asia/Shanghai"))) + " (Asia/Shanghai)";
  }

  private JsonNode submit() throws Exception {
    ResponseEntity<String> response = rest.exchange("/api/complaints", HttpMethod.POST,
        new HttpEntity<>(Submissions.creditCardComplaint("WEB-" + System.nanoTime()), intake()), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(201);
    JsonNode complaint = json.readTree(response.getBody());
    worker.runJobs(complaint.get("complaintNumber").asText());
    return complaint;
  }

  private void customerAction(String number, String action, String body) {
    ResponseEntity<String> response = rest.exchange("/api/complaints/" + number + "/" + action, HttpMethod.POST,
        new HttpEntity<>(body, intake()), String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
  }

  private static HttpHeaders intake() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("intake", "demo");
    return headers;
  }

  private String base() {
    return "http://localhost:" + port;
  }
}

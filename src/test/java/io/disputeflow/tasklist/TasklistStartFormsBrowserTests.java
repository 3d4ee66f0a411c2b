package io.disputeflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.BrowserTraffic;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Chromium;
import io.disputeflow.support.TasklistPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator's whole clock and intake work in Tasklist, in headless Chromium like
 * {@link TasklistBrowserTests}: cora registers a walk-in complaint with Start process (first with a
 * phone number intake refuses), asks for an extension that sam approves, pauses the clock for an
 * appraisal and resumes it. Every field is typed or clicked; screenshots of each new form go to
 * target/tasklist-screenshots/ (prefixed "start-").
 */
@ApplicationTest
class TasklistStartFormsBrowserTests {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String NARRATIVE = "客户到网点反映：已于上月申请免收年费并获批准，但本月账单仍收取年费300元。";
  private static final String EXTENSION_REASON = "需向境外收单行调取交易凭证，预计超过15日。";
  private static final String APPROVAL = "同意延期，请跟进收单行回复。";
  private static final String PAUSE_REASON = "交易凭证已送外部司法鉴定机构鉴定。";

  @LocalServerPort int port;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private final BrowserTraffic traffic = new BrowserTraffic();
  private ChromeDriver browser;
  private WebDriverWait wait;
  private int shots;

  @BeforeEach
  void startBrowser(@Autowired ProcessEngine engine, @TempDir Path profile) throws IOException {
    ApplicationEngine.registerForWebRequests(engine);
    Files.createDirectories(TasklistBrowserTests.SCREENSHOTS);
    browser = Chromium.headless(profile, 1440, 900, "UTC");
    wait = new WebDriverWait(browser, PATIENCE);
    long viewport = (Long) browser.executeScript("return window.innerHeight;");
    browser.manage().window().setSize(new Dimension(1440, 900 + (900 - (int) viewport)));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      // no request of the whole run may be a sign-in challenge (the browser's own dialog over Tasklist)
      List<BrowserTraffic.Exchange> requests = traffic.collect(browser).to("http://localhost:" + port);
      browser.quit();
      assertThat(requests).isNotEmpty().allSatisfy(exchange ->
          assertThat(exchange.header("www-authenticate")).as(exchange.toString()).isNull());
    }
  }

  @Test
  void shouldRegisterAWalkInAndWorkItsClockInTasklist() throws Exception {
    try {
      registerAndWorkTheClock();
    } catch (Throwable failure) {
      shot("failure");
      Files.writeString(TasklistBrowserTests.SCREENSHOTS.resolve("start-failure.html"), browser.getPageSource());
      throw failure;
    }
  }

  private void registerAndWorkTheClock() throws Exception {
    // cora registers a customer at the branch desk; she mistypes the phone number first
    login("cora");
    openStartForm("Register complaint / 登记投诉");
    shot("register-complaint-empty");
    choose("field_channel-0");
    type("field_customer_name", "赵立新");
    type("field_customer_phone", "138 0013 80O0");
    type("field_customer_email", "zhao.lixin@example.cn");
    select("field_product", "Credit card / 信用卡");
    type("field_issue", "信用卡年费误收");
    type("field_narrative", NARRATIVE);
    type("field_disputed_amount", "300");
    long complaints = count("SELECT COUNT(*) FROM complaint");
    String refusal = startRefused();
    assertThat(refusal).contains("Phone / 联系电话 (customerPhone) must be a phone number of digits, spaces, ( ) and -");
    shot("register-complaint-refused");
    assertThat(count("SELECT COUNT(*) FROM complaint")).as("nothing registered").isEqualTo(complaints);

    type("field_customer_phone", "138 0013 8000");
    shot("register-complaint");
    String registered = startAndOpenNote("registered-notification");
    String number = registered.split(" ")[1];
    assertThat(registered).isEqualTo("Registered " + number + " · 赵立新 · Credit card");
    assertThat(formText()).contains("Complaint / 投诉 " + number, "Registered.", "赵立新", "Credit card / 信用卡",
        "信用卡年费误收", "Decision due / 处理时限");
    shot("complaint-registered");
    completeNote();
    assertThat(jdbc.sql("SELECT channel || '|' || customer_phone || '|' || narrative || '|' || disputed_amount"
            + " || '|' || registered_by FROM complaint WHERE complaint_number = ?").param(number).query(String.class)
        .single()).isEqualTo("BRANCH|138 0013 8000|" + NARRATIVE + "|300.00|cora");
    worker.runJobs(number);

    // she asks for an extension
    openStartForm("Decision clock / 处理时限");
    shot("clock-action-empty");
    type("field_complaint_number", number);
    choose("field_clock_action-0");
    type("field_clock_action_reason", EXTENSION_REASON);
    shot("clock-action-extension");
    assertThat(startAndOpenNote()).isEqualTo("Clock " + number + " · 赵立新 · Credit card");
    assertThat(formText()).contains("Extension asked for.", "Awaiting approval / 待审批", "0 of 2");
    shot("clock-extension-asked");
    completeNote();

    // sam approves it in Tasklist
    login("sam");
    openFromFilter("Awaiting approval / 待审批", number);
    assertThat(formText()).contains(EXTENSION_REASON, "Requested by / 申请人: cora");
    claim();
    choose("field_extension_approved-0");
    type("field_extension_comment", APPROVAL);
    shot("approve-extension");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));
    wait.until(driver -> taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ComplaintHandlingProcess.USER_APPROVE_EXTENSION).count() == 0);
    worker.runJobs(number);
    assertThat(jdbc.sql("SELECT extensions_used FROM complaint WHERE complaint_number = ?").param(number)
        .query(Integer.class).single()).isEqualTo(1);

    // cora resumes by mistake, then pauses for the appraisal and resumes when it is back
    login("cora");
    openStartForm("Decision clock / 处理时限");
    type("field_complaint_number", number);
    choose("field_clock_action-2");
    assertThat(startRefused()).contains("Action / 操作 (clockAction) cannot be done now", "is not paused");
    shot("clock-action-refused");
    closeStartDialog();
    openStartForm("Decision clock / 处理时限");
    type("field_complaint_number", number);
    choose("field_clock_action-1");
    type("field_clock_action_reason", PAUSE_REASON);
    shot("clock-action-pause");
    startAndOpenNote();
    assertThat(formText()).contains("Clock paused", "Paused / 已暂停", "Paused since / 暂停自", "1 of 2");
    shot("clock-paused");
    completeNote();
    worker.runJobs(number);

    openStartForm("Decision clock / 处理时限");
    type("field_complaint_number", number);
    choose("field_clock_action-2");
    shot("clock-action-resume");
    startAndOpenNote();
    assertThat(formText()).contains("Clock resumed", "On track / 正常").doesNotContain("Paused since");
    shot("clock-resumed");
    completeNote();
    worker.runJobs(number);

    // the case's own record: one approved extension by sam, one pause by cora, resumed by cora
    JsonNode pause = json.valueToTree(jdbc.sql("SELECT reason, paused_by, resumed_by FROM clock_pause"
        + " WHERE complaint_number = ?").param(number).query().singleRow());
    assertThat(pause.toString()).contains(PAUSE_REASON).contains("\"cora\"");
    assertThat(jdbc.sql("SELECT requested_by || '|' || outcome || '|' || decided_by FROM deadline_extension"
        + " WHERE complaint_number = ?").param(number).query(String.class).single()).isEqualTo("cora|APPROVED|sam");
  }

  private void login(String user) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/login");
    enter(TasklistPage.loginForm(browser, wait), user);
    enter(browser.findElement(By.cssSelector("input[ng-model=password]")), "demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".start-process-action a")));
    traffic.collect(browser);
  }

  /**
   * Tasklist's header: Start process, then the process by its name once the dialog stands still; its start form
   * opens in the dialog.
   */
  private void openStartForm(String process) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
    settled(By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]"
        + "//a[contains(normalize-space(.), '" + process + "')]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.modal-content .fjs-container")));
  }

  /**
   * The element once it can be clicked and has stopped moving, as a person sees it before clicking: Tasklist's
   * dialog slides down as it opens (Bootstrap's fade, 0.3 s), and a click aimed at a link while it slides lands
   * above it, where it does nothing (the dialog stays on its list, the first process focused).
   */
  private WebElement settled(By locator) {
    Rectangle[] seen = new Rectangle[1];
    return wait.until(driver -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
      Rectangle now = element == null ? null : element.getRect();
      boolean still = now != null && now.equals(seen[0]);
      seen[0] = now;
      return still ? element : null;
    });
  }

  private WebElement startButton() {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        "div.modal-content button[ng-click='startProcessInstance()']")));
  }

  /** Starts, expects a refusal and returns what the dialog tells its user. */
  private String startRefused() {
    click(startButton());
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "div.modal-content .alert-danger")));
    // the message above the form, as the user sees it on the dialog's first screen
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", error);
    return error.getText().replaceAll("\\s+", " ");
  }

  /** Closes the dialog (its refusal message stays until then), as its user does before starting afresh. */
  private void closeStartDialog() {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'modal-content')]//*[self::button or self::a][normalize-space(.)='Close']"))));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.modal-content")));
  }

  /** Starts, then opens the note the start left for its user from Tasklist's notification; returns the note's name. */
  private String startAndOpenNote() throws IOException {
    return startAndOpenNote(null);
  }

  private String startAndOpenNote(String notificationShot) throws IOException {
    click(startButton());
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.modal-content")));
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        ".notifications a[href*='forceDisplayTask=true']")));
    String name = link.getText().trim();
    if (notificationShot != null) {
      shot(notificationShot);
    }
    link.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), name));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.task-card .fjs-container")));
    return name;
  }

  private void completeNote() {
    String name = browser.findElement(By.cssSelector("section.task-card h2.task")).getText().trim();
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));
    wait.until(driver -> taskService.createTaskQuery().taskName(name).count() == 0);
  }

  private void openFromFilter(String filter, String number) {
    Chromium.clickCurrent(browser, PATIENCE, By.xpath(
        "//div[contains(@class,'task-filter')]//h4//a[contains(normalize-space(.), '" + filter + "')]"));
    Chromium.clickCurrent(browser, PATIENCE, By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + number
        + "')]//h4//a"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), number));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-radio")));
  }

  private void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  private String formText() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.task-card .fjs-container")))
        .getText().replaceAll("\\s+", " ");
  }

  private WebElement field(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + id + "']")));
  }

  /** Types as TasklistBrowserTests does: keystrokes, again if form-js lost a burst of them under load. */
  private void type(String id, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field(id)));
    scrollTo(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    enter(input, text);
    input.sendKeys(Keys.TAB);
    wait.until(driver -> !input.equals(driver.switchTo().activeElement()));
    assertThat(input.getDomProperty("value")).as(id + " after leaving it").isEqualTo(text);
  }

  /** Types the text key by key; the field must then hold exactly what was typed. */
  private void enter(WebElement input, String text) {
    input.sendKeys(text);
    assertThat(input.getDomProperty("value")).as("field after typing").isEqualTo(text);
  }

  private void choose(String id) {
    click(wait.until(ExpectedConditions.elementToBeClickable(field(id))));
  }

  private void select(String id, String label) {
    WebElement select = field(id).findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')]"));
    click(select.findElement(By.cssSelector(".fjs-input-group")));
    click(wait.until(ExpectedConditions.elementToBeClickable(select.findElement(By.xpath(
        ".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']")))));
  }

  private void click(WebElement element) {
    scrollTo(element);
    element.click();
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private void shot(String name) throws IOException {
    Files.write(TasklistBrowserTests.SCREENSHOTS.resolve("start-%02d-%s.png".formatted(++shots, name)),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}

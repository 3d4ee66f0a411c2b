package io.disputeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.BrowserTraffic;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Chromium;
import io.disputeflow.support.Submissions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The replay page in Debian's headless Chromium: a closed case's diagrams with the path taken,
 * the step list and scrubber, verification, and a narrative with script in it shown as text. The
 * auditor signs in on our sign-in page by typing, as a person does.
 */
@ApplicationTest
class ReplayPageBrowserTests {

  private static final String HOSTILE = "<img src=x onerror=\"document.body.dataset.pwned='img'\">"
      + "<script>document.body.dataset.pwned='script'</script>";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @TempDir Path profile;

  ChromeDriver browser;

  @BeforeEach
  void openBrowser(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
    browser = Chromium.headless(profile, 1600, 1000, null);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldReplayAClosedCaseOnTheDiagramsOfItsProcessVersions() throws Exception {
    // given a closed case whose narrative carries markup and script
    AuditCases cases = new AuditCases(mvc, json, worker);
    String number = cases.submit(Submissions.creditCardComplaint("AUD-7001")
        .replace("请核查并退还。", "请核查并退还。" + HOSTILE.replace("\"", "\\\"")));
    cases.investigate(number, "cora", List.of("dept-cards"), false);
    cases.review(number, "carl", "UPHOLD");
    cases.propose(number, "cora", "UPHOLD", 500.0);
    cases.customerAction(number, "customer-response", "{\"accepted\": true}");
    worker.payRedress(number);
    cases.customerAction(number, "survey", "{\"score\": 5}");
    cases.rootCause(number);
    JsonNode timeline = cases.timeline(number);

    // when an auditor opens its replay page, is sent to sign in and types her name and password
    browser.get("http://localhost:" + port + "/audit/complaints/" + number);
    signIn("audrey", "demo");
    assertThat(browser.getCurrentUrl()).contains("/audit/complaints/" + number);
    new WebDriverWait(browser, Duration.ofSeconds(90)).until(
        ExpectedConditions.or(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"),
            ExpectedConditions.visibilityOfElementLocated(By.id("error"))));
    assertThat(browser.findElement(By.id("error")).isDisplayed()).as(browser.findElement(By.id("error")).getText())
        .isFalse();

    // then every process instance is drawn and the path taken is highlighted, with time and user
    assertThat(browser.findElements(By.cssSelector("section.diagram"))).hasSize(7);
    assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(number);
    assertThat(classOf("call_resolution")).contains("df-passed");
    assertThat(classOf("call_legal_consultation")).doesNotContain("df-passed");
    assertThat(classOf("user_propose_resolution")).contains("df-passed");
    assertThat(classOf("xor_legal_needed_no")).contains("df-passed");
    assertThat(browser.findElements(By.cssSelector(".djs-connection.df-passed"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".df-overlay")).stream().map(WebElement::getText))
        .anyMatch(text -> text.contains("cora"));

    // and the step list holds the whole timeline, the last step current
    List<WebElement> steps = browser.findElements(By.cssSelector("#steps li"));
    assertThat(steps).hasSize(timeline.get("entryCount").asInt());
    assertThat(steps.get(steps.size() - 1).getAttribute("class")).contains("current");
    assertThat(browser.findElements(By.cssSelector(".djs-element.df-current"))).hasSize(1);

    // when the auditor goes back to the first step, then the narrative is shown as text, never run
    browser.findElement(By.id("first")).click();
    assertThat(steps.get(0).getAttribute("class")).contains("current");
    String detail = browser.findElement(By.id("step-detail")).getText();
    assertThat(detail).contains("COMPLAINT_RECEIVED", "<script>document.body.dataset.pwned='script'</script>");
    assertThat(browser.executeScript("return document.body.dataset.pwned === undefined"
        + " && document.querySelectorAll('#step-detail script, #step-detail img').length === 0")).isEqualTo(true);

    // when the scrubber moves to the proposal, then that task is the current element
    int proposal = AuditCases.only(timeline, "TASK_COMPLETED", "user_propose_resolution").get("seq").asInt();
    // as a keyboard user moves a slider: to its start, then one step right per entry
    WebElement scrubber = browser.findElement(By.id("scrubber"));
    scrubber.sendKeys(Keys.HOME);
    scrubber.sendKeys(Keys.ARROW_RIGHT.toString().repeat(proposal));
    assertThat(scrubber.getDomProperty("value")).isEqualTo(String.valueOf(proposal));
    assertThat(classOf("user_propose_resolution")).contains("df-current");
    assertThat(browser.findElement(By.id("position")).getText()).isEqualTo((proposal + 1) + " / " + steps.size());

    // when the auditor verifies the hash chain
    browser.findElement(By.id("verify")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(
        ExpectedConditions.textMatches(By.id("verification"), java.util.regex.Pattern.compile("VERIFIED|BROKEN")));
    assertThat(browser.findElement(By.id("verification")).getText()).startsWith("VERIFIED");
    Files.write(Path.of("target", "audit-replay.png"), browser.getScreenshotAs(OutputType.BYTES));

    // and none of the page's requests was answered with a sign-in challenge (a browser dialog)
    assertThat(new BrowserTraffic().collect(browser).to("http://localhost:" + port)).isNotEmpty()
        .allSatisfy(exchange -> assertThat(exchange.header("www-authenticate")).as(exchange.toString()).isNull());
  }

  /** On the sign-in page: types both fields key by key, checks they hold what was typed, signs in. */
  private void signIn(String user, String password) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl()).contains("/login?next=");
    name.sendKeys(user);
    WebElement secret = browser.findElement(By.id("password"));
    secret.sendKeys(password);
    assertThat(name.getDomProperty("value")).isEqualTo(user);
    assertThat(secret.getDomProperty("value")).isEqualTo(password);
    Path shot = Path.of("target", "tasklist-screenshots", "login-page.png");
    try {
      Files.createDirectories(shot.getParent());
      Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    // back on the page asked for, or the sign-in page says why not (the old page's elements go stale as it leaves)
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver ->
        !driver.getCurrentUrl().contains("/login") || !driver.findElement(By.id("status")).getText().isEmpty());
    assertThat(browser.getCurrentUrl()).as(browser.findElement(By.tagName("body")).getText()).doesNotContain("/login");
  }

  @Test
  void shouldAskForCredentialsForThePageAndItsScriptsButNeverChallengeABrowser() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/audit/complaints/CMP-2026-000001", "/audit/replay.js", "/audit/replay.html")) {
      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path + ": a page, not the API").isEmpty();
    }
    // a person opening the page is sent to the sign-in page, and back afterwards
    HttpResponse<String> navigation = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/audit/complaints/CMP-2026-000001"))
        .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "none").header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(navigation.statusCode()).isEqualTo(302);
    assertThat(navigation.headers().firstValue("Location").orElseThrow())
        .endsWith("/login?next=%2Faudit%2Fcomplaints%2FCMP-2026-000001");
    // tools still send HTTP Basic
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/audit/complaints/CMP-2026-000001"))
        .header("Authorization", basic("audrey", "demo")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    assertThat(page.body()).contains("bpmn-js-18.31.1/bpmn-navigated-viewer.production.min.js");
  }

  /** The class attribute of a diagram element, across all diagrams of the page. */
  private String classOf(String elementId) {
    return browser.findElements(By.cssSelector("[data-element-id='" + elementId + "']")).stream()
        .map(element -> element.getAttribute("class")).reduce("", (a, b) -> a + " " + b);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

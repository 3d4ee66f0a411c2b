package io.disputeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.io.File;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The replay page in Debian's headless Chromium: a closed case's diagrams with the path taken,
 * the step list and scrubber, verification, and a narrative with script in it shown as text.
 */
@RunningApplication
class ReplayPageBrowserTests {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String HOSTILE = "<img src=x onerror=\"document.body.dataset.pwned='img'\">"
      + "<script>document.body.dataset.pwned='script'</script>";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @TempDir Path profile;

  ChromeDriver browser;

  @BeforeEach
  void openBrowser() {
    assertThat(new File(CHROMIUM).canExecute()).as("Debian chromium (apt-get install chromium)").isTrue();
    assertThat(new File(CHROMEDRIVER).canExecute()).as("Debian chromium-driver (apt-get install chromium-driver)").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // no sandbox as root; no calls home: this machine's network is closed
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1600,1000", "--user-data-dir=" + profile);
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build(), options);
    // HTTP Basic for the page, its scripts and its fetches alike
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
        Map.of("Authorization", basic("audrey", "demo"))));
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
    cases.customerAction(number, "survey", "{\"score\": 5}");
    cases.rootCause(number);
    JsonNode timeline = cases.timeline(number);

    // when an auditor opens its replay page
    browser.get("http://localhost:" + port + "/audit/complaints/" + number);
    new WebDriverWait(browser, Duration.ofSeconds(90)).until(
        ExpectedConditions.or(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"),
            ExpectedConditions.visibilityOfElementLocated(By.id("error"))));
    assertThat(browser.findElement(By.id("error")).isDisplayed()).as(browser.findElement(By.id("error")).getText())
        .isFalse();

    // then every process instance is drawn and the path taken is highlighted, with time and user
    assertThat(browser.findElements(By.cssSelector("section.diagram"))).hasSize(6);
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
    ((JavascriptExecutor) browser).executeScript("const s = document.getElementById('scrubber');"
        + " s.value = arguments[0]; s.dispatchEvent(new Event('input'));", proposal);
    assertThat(classOf("user_propose_resolution")).contains("df-current");
    assertThat(browser.findElement(By.id("position")).getText()).isEqualTo((proposal + 1) + " / " + steps.size());

    // when the auditor verifies the hash chain
    browser.findElement(By.id("verify")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(
        ExpectedConditions.textMatches(By.id("verification"), java.util.regex.Pattern.compile("VERIFIED|BROKEN")));
    assertThat(browser.findElement(By.id("verification")).getText()).startsWith("VERIFIED");
    Files.write(Path.of("target", "audit-replay.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void shouldAskForCredentialsForThePageAndItsScripts() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/audit/complaints/CMP-2026-000001", "/audit/replay.js", "/audit/replay.html")) {
      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
    }
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

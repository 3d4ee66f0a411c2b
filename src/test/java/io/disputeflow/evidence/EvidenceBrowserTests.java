package io.disputeflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.HttpApi;
import io.disputeflow.support.Submissions;
import io.disputeflow.support.TasklistPage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator adds a customer's contract in Tasklist and opens it from the task form, in headless
 * Chromium (as tasklist/TasklistBrowserTests): the form's documents section leads to the case's
 * documents page under the Tasklist login, the file is chosen as a file dialog does (its path typed
 * into the file input), and the form's link downloads the very bytes, with no login dialog on the way.
 */
@ApplicationTest
class EvidenceBrowserTests {

  private static final Path SCREENSHOTS = Path.of("target/tasklist-screenshots");
  /** The first Tasklist load of a cold JVM on a busy build machine took over a minute. */
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;

  private ChromeDriver browser;
  private WebDriverWait wait;
  private Path downloads;

  @BeforeEach
  void startBrowser(@Autowired ProcessEngine engine) throws IOException {
    ApplicationEngine.registerForWebRequests(engine);
    Files.createDirectories(SCREENSHOTS);
    downloads = Files.createTempDirectory("evidence-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1440,900", "--lang=en-US",
        "--user-data-dir=" + Files.createTempDirectory("evidence-chromium"));
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
        .withEnvironment(Map.of("TZ", "UTC"))
        .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, PATIENCE);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldAddADocumentInTasklistAndOpenItFromTheTaskForm() throws Exception {
    try {
      addAndOpen();
    } catch (Throwable failure) {
      shot("evidence-failure");
      Files.writeString(SCREENSHOTS.resolve("evidence-failure.html"), browser.getPageSource());
      throw failure;
    }
  }

  private void addAndOpen() throws Exception {
    // given a complaint waiting for its investigation, and the customer's contract on cora's disk
    String number = submit();
    String task = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getId();
    byte[] contract = Multipart.pdf(20_000);
    Path file = Files.createTempDirectory("evidence-upload").resolve("信用卡合同 contract.pdf");
    Files.write(file, contract);

    // when cora opens the task in Tasklist and claims it (Tasklist covers an unclaimed task's form), its form
    // says there are no documents yet
    login("cora");
    openTask(task, number);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    assertThat(documentsSection()).contains("No documents yet / 暂无证据材料");

    // and she follows the form's link to the case's documents, chooses the file and adds it
    click(browser.findElement(By.linkText("Open or add documents / 查看或添加证据材料")));
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
    input.sendKeys(file.toString());
    browser.findElement(By.id("add")).click();

    // then the page lists it with its hash
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("documents")));
    String page = browser.findElement(By.id("documents")).getText();
    assertThat(page).contains("信用卡合同 contract.pdf", "application/pdf", "cora", EvidenceApiTests.sha256(contract));
    shot("evidence-documents-page");

    // when she goes back to the task, then its form links the document
    browser.findElement(By.linkText("Back to Tasklist / 返回任务列表")).click();
    openTask(task, number);
    assertThat(documentsSection()).contains("信用卡合同 contract.pdf", "20 KB", "cora");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        browser.findElement(By.linkText("信用卡合同 contract.pdf")));
    shot("evidence-task-form");

    // and the link downloads the very bytes, without any login dialog
    click(browser.findElement(By.linkText("信用卡合同 contract.pdf")));
    Path downloaded = downloads.resolve("信用卡合同 contract.pdf");
    wait.until(driver -> Files.exists(downloaded) && size(downloaded) == contract.length);
    assertThat(Files.readAllBytes(downloaded)).isEqualTo(contract);

    // and the timeline names cora's download from Tasklist
    JsonNode timeline = json.readTree(new HttpApi(port).get("/api/complaints/" + number + "/timeline", "audrey").body());
    assertThat(StreamSupport.stream(timeline.get("entries").spliterator(), false)
        .filter(entry -> "DOCUMENT_DOWNLOADED".equals(entry.get("type").asText())))
        .singleElement().satisfies(entry -> {
          assertThat(entry.get("actor").asText()).isEqualTo("cora");
          assertThat(entry.at("/details/via").asText()).isEqualTo("TASKLIST");
        });
  }

  @Test
  void shouldAskForTheTasklistLoginAndNeverForBasicCredentials() throws Exception {
    // given a case with a document
    String number = submit();

    // when its documents page is opened without a Tasklist session, even with Basic credentials
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/evidence/" + number))
        .header("Authorization", "Basic Y29yYTpkZW1v").GET().build(), HttpResponse.BodyHandlers.ofString());

    // then it answers 401 with a page that says to sign in to Tasklist, and no Basic challenge
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(response.body()).contains("Open Tasklist, sign in");

    // and a department that does not review the case sees no documents there when signed in
    login("colin");
    browser.get(base() + "/camunda/evidence/" + number);
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message"))).getText())
        .contains("open to a department only while it reviews the case");
  }

  private String documentsSection() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-form-field-text')][.//h4[contains(., 'Documents / 证据材料')]]")))
        .getText().replaceAll("\\s+", " ");
  }

  private void login(String user) {
    new TasklistPage(browser, base(), PATIENCE, SCREENSHOTS).login(user);
  }

  /** The task as Tasklist opens it from a list: its address names the task. */
  private void openTask(String task, String number) {
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + task);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), number));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-textarea")));
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private void shot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private String submit() throws Exception {
    HttpApi.Response created = new HttpApi(port).post("/api/complaints", "intake",
        Submissions.creditCardComplaint("EVB-" + System.nanoTime()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String number = json.readTree(created.body()).get("complaintNumber").asText();
    worker.runJobs(number);
    return number;
  }

  private String base() {
    return "http://localhost:" + port;
  }
}

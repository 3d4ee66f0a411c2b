package io.disputeflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.BrowserTraffic;
import io.disputeflow.support.Chromium;
import io.disputeflow.support.TasklistPage;
import io.disputeflow.support.XServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logging in to Tasklist as a person does: a real (non-headless) Chromium window on a virtual X
 * server, the keys and clicks sent by the X server (xdotool), not by the browser's automation. The
 * screenshots are of the whole X screen, so a browser's own sign-in dialog would show on them.
 */
@ApplicationTest
class TasklistKeyboardLoginBrowserTests {

  private static final Path SCREENSHOTS = TasklistBrowserTests.SCREENSHOTS;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @TempDir Path profile;

  @BeforeEach
  void registerEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  @Test
  void shouldLogInToTasklistWithKeysFromTheXServerAndNoBrowserDialog() throws Exception {
    try (XServer screen = XServer.start(1440, 900)) {
      ChromeDriver browser = Chromium.onDisplay(screen.display(), profile, 1440, 900);
      try {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get(base() + "/camunda/app/tasklist/default/#/login");
        WebElement username = TasklistPage.loginForm(browser, wait);
        WebElement password = browser.findElement(By.cssSelector("input[ng-model=password]"));

        // when cora clicks into the fields and types, the keys going through the X server
        clickOnScreen(screen, browser, username);
        screen.type("cora");
        clickOnScreen(screen, browser, password);
        screen.type("demo");
        screen.screenshot(SCREENSHOTS.resolve("x-login-typed.png"));

        // then the page has every key, and Return signs her in
        assertThat(username.getDomProperty("value")).as("user name field after typing 'cora'").isEqualTo("cora");
        assertThat(password.getDomProperty("value")).as("password field after typing").isEqualTo("demo");
        screen.key("Return");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
        // her first filter's tasks have come
        BrowserTraffic traffic = new BrowserTraffic();
        wait.until(driver -> traffic.collect(browser).to(base()).stream()
            .anyMatch(exchange -> exchange.path().matches(".*/filter/[^/]+/list.*") && exchange.status() == 200));
        screen.screenshot(SCREENSHOTS.resolve("x-login-signed-in.png"));

        // and no request of the login page or of Tasklist was answered with a sign-in challenge
        List<BrowserTraffic.Exchange> requests = traffic.collect(browser).to(base());
        Files.writeString(SCREENSHOTS.resolve("x-login-requests.txt"),
            requests.stream().map(Object::toString).collect(Collectors.joining("\n", "", "\n")));
        assertThat(requests).as("requests during login").isNotEmpty().allSatisfy(exchange ->
            assertThat(exchange.header("www-authenticate")).as(exchange.toString()).isNull());
        assertThat(requests).as("the login page's first-visit probe, answered as bare Camunda does")
            .filteredOn(exchange -> exchange.path().equals("/camunda-welcome"))
            .singleElement().extracting(BrowserTraffic.Exchange::status).isEqualTo(404);
      } finally {
        browser.quit();
      }
    }
  }

  /** A left click in the middle of the element, at its place on the X screen. */
  private static void clickOnScreen(XServer screen, ChromeDriver browser, WebElement element) throws Exception {
    @SuppressWarnings("unchecked")
    List<Number> point = (List<Number>) browser.executeScript("const r = arguments[0].getBoundingClientRect();"
        + " return [window.screenX + (window.outerWidth - window.innerWidth) / 2 + r.left + r.width / 2,"
        + " window.screenY + window.outerHeight - window.innerHeight + r.top + r.height / 2];", element);
    screen.click(point.get(0).intValue(), point.get(1).intValue());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}

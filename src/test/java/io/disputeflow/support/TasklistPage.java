package io.disputeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in a browser ({@link Chromium}) as a person works it: logs in by typing the name
 * and password, opens a task, claims it, types into and chooses in its form field by field (each
 * field must then hold exactly what was typed), completes it; screenshots of what is on screen.
 */
public final class TasklistPage {

  private final ChromeDriver browser;
  private final WebDriverWait wait;
  private final String base;
  private final Path screenshots;

  public TasklistPage(ChromeDriver browser, String base, Duration patience, Path screenshots) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, patience);
    this.base = base;
    this.screenshots = screenshots;
  }

  public WebDriverWait await() {
    return wait;
  }

  /** Types the name and password into Tasklist's login page and clicks Log in. */
  public void login(String user) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/camunda/app/tasklist/default/#/login");
    enter(loginForm(browser, wait), user);
    enter(browser.findElement(By.cssSelector("input[ng-model=password]")), "demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
  }

  /** The task as Tasklist opens it from a list (its address names the task), once its form is drawn. */
  public void openTask(String taskId, String title) {
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), title));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
  }

  /** Tasklist covers the form of a task nobody has claimed. */
  public void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  public String taskName() {
    return browser.findElement(By.cssSelector("section.task-card h2.task")).getText().trim();
  }

  /** The form as a person reads it. */
  public String formText() {
    return browser.findElement(By.cssSelector(".fjs-container")).getText().replaceAll("\\s+", " ");
  }

  /** A form field by its id in the form (form-js prefixes it). */
  public WebElement field(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + id + "']")));
  }

  /** Types into a form field and leaves it (form-js takes the text on leaving at the latest). */
  public void type(String id, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field(id)));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
    enter(input, text);
    input.sendKeys(Keys.TAB);
    wait.until(driver -> !input.equals(driver.switchTo().activeElement()));
    assertThat(input.getDomProperty("value")).as(id + " after leaving it").isEqualTo(text);
  }

  public void choose(String id) {
    click(wait.until(ExpectedConditions.elementToBeClickable(field(id))));
  }

  /** Follows a link of the page by its text. */
  public void follow(String linkText) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText(linkText))));
  }

  /** Tasklist's footer covers the bottom of the form: brings the element to the middle first. */
  public void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /** Clicks Complete; the task card closes once Tasklist has it completed. */
  public void complete() {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("section.task-card")));
  }

  public void shot(String name) throws IOException {
    Files.createDirectories(screenshots);
    Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * The login page's user name field once the page takes keys. Tasklist's start script focuses that field
   * 300 ms after the application starts (a timer in camunda-tasklist-bootstrap.js); keys typed into the
   * password field before then went to the user name field instead (the password field stayed empty). A
   * timer of the page's own, set after the form shows and so queued behind that one, says it has run.
   */
  public static WebElement loginForm(WebDriver browser, WebDriverWait wait) {
    WebElement username =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    ((JavascriptExecutor) browser).executeAsyncScript("setTimeout(arguments[arguments.length - 1], 300);");
    return username;
  }

  /** Types the text key by key; the field must then hold exactly what was typed. */
  public static void enter(WebElement input, String text) {
    input.sendKeys(text);
    assertThat(input.getDomProperty("value")).as("field after typing").isEqualTo(text);
  }
}

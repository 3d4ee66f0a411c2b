package io.disputeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through chromedriver, for the browser tests: headless, or as a real window
 * on an X server (keys and clicks then come from the X server, see {@link XServer}). Both record the
 * browser's network traffic in Chrome's performance log ({@link BrowserTraffic}). No calls home: the
 * machine's network is closed.
 */
public final class Chromium {

  private static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
  private static final String DRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");

  private Chromium() {}

  /** Headless, in the browser time zone given (null: the machine's). */
  public static ChromeDriver headless(Path profile, int width, int height, String timeZone) {
    ChromeOptions options = options(profile, width, height);
    options.addArguments("--headless=new");
    return start(options, timeZone == null ? Map.of() : Map.of("TZ", timeZone));
  }

  /** A real, non-headless window at the top left of the X server's screen. */
  public static ChromeDriver onDisplay(String display, Path profile, int width, int height) {
    ChromeOptions options = options(profile, width, height);
    options.addArguments("--window-position=0,0", "--disable-features=Translate", "--password-store=basic");
    return start(options, Map.of("DISPLAY", display));
  }

  private static ChromeOptions options(Path profile, int width, int height) {
    assertThat(new File(BINARY)).as("Debian chromium (apt-get install chromium)").canRead();
    assertThat(new File(DRIVER)).as("Debian chromium-driver (apt-get install chromium-driver)").canRead();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    // no sandbox as root; nothing that calls home
    options.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--lang=en-US", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
    return options;
  }

  private static ChromeDriver start(ChromeOptions options, Map<String, String> environment) {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .withEnvironment(new HashMap<>(environment))
        .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Clicks what the locator finds at the moment of the click. Tasklist redraws its filter and task lists
   * when they refresh, so an element found a moment earlier may be gone though its twin is on screen: a
   * person clicks what they see, the redrawn one.
   */
  public static void clickCurrent(WebDriver browser, Duration patience, By locator) {
    new WebDriverWait(browser, patience).ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement element = driver.findElement(locator);
      if (!element.isDisplayed() || !element.isEnabled()) {
        return false;
      }
      element.click();
      return true;
    });
  }
}

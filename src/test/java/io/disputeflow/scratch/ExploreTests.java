package io.disputeflow.scratch;

import java.nio.file.*;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.*;
import org.openqa.selenium.chrome.*;
import org.openqa.selenium.support.ui.*;

class ExploreTests {
  @Test
  void explore() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1440,900", "--user-data-dir=" + Files.createTempDirectory("chr"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
    WebDriver d = new ChromeDriver(service, options);
    Path out = Paths.get("/tmp/tasklist-helper/explore"); Files.createDirectories(out);
    try {
      String base = "http://localhost:8487";
      d.get(base + "/camunda/app/tasklist/default/");
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.until(x -> !x.findElements(By.cssSelector("input[type=password]")).isEmpty());
      Files.writeString(out.resolve("login.html"), d.getPageSource());
      d.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(System.getProperty("user", "cora"));
      d.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
      d.findElement(By.cssSelector("button[type=submit]")).click();
      Thread.sleep(8000);
      Files.write(out.resolve("list.png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
      Files.writeString(out.resolve("list.html"), d.getPageSource());
      String task = System.getProperty("task");
      if (task != null) {
        d.get(base + "/camunda/app/tasklist/default/#/?task=" + task);
        Thread.sleep(5000);
        Files.write(out.resolve("task.png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
        Files.writeString(out.resolve("task.html"), d.getPageSource());
      }
    } finally { d.quit(); }
  }
}

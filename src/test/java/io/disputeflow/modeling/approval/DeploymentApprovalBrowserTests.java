package io.disputeflow.modeling.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.modeling.approval.PendingDeployments.PendingDeployment;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.BrowserTraffic;
import io.disputeflow.support.Chromium;
import io.disputeflow.support.Modeler;
import io.disputeflow.support.TasklistPage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A second process owner approves paul's deployment in Tasklist in headless Chromium, as a person
 * does: logs in by typing, opens the approval task, reads the changes, follows the form's link to
 * the diagrams (the renamed task marked as changed on both, the replaced end as added and removed,
 * the decision's changed rule beside what it was), comes back, approves; the new versions are then
 * active. Screenshots go to target/tasklist-screenshots/ (docs/images/ keeps two of them).
 */
@ApplicationTest
class DeploymentApprovalBrowserTests {

  private static final Path SCREENSHOTS = Path.of("target/tasklist-screenshots");
  /** The first Tasklist load of a cold JVM on a busy build machine took over a minute. */
  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final String RENAMED = "Investigate complaint (four eyes)";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired PendingDeployments pending;

  private ChromeDriver browser;
  private TasklistPage tasklist;
  private final BrowserTraffic traffic = new BrowserTraffic();

  @BeforeEach
  void startBrowser(@Autowired ProcessEngine engine, @Autowired IdentityService identity, @TempDir Path profile) {
    ApplicationEngine.registerForWebRequests(engine);
    // a second process owner besides paul
    if (identity.createUserQuery().userId("petra").count() == 0) {
      User petra = identity.newUser("petra");
      petra.setFirstName("Petra");
      petra.setLastName("Zhou");
      petra.setPassword("demo");
      identity.saveUser(petra);
      identity.createMembership("petra", "process-owner");
    }
    browser = Chromium.headless(profile, 1440, 900, "UTC");
    long viewport = (Long) browser.executeScript("return window.innerHeight;");
    browser.manage().window().setSize(new Dimension(1440, 900 + (900 - (int) viewport)));
    tasklist = new TasklistPage(browser, base(), PATIENCE, SCREENSHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldApproveADeploymentInTasklistAfterSeeingItsDiagram() throws Exception {
    try {
      approve();
    } catch (Throwable failure) {
      tasklist.shot("approval-failure");
      Files.writeString(SCREENSHOTS.resolve("approval-failure.html"), browser.getPageSource());
      throw failure;
    }
  }

  private void approve() throws Exception {
    // given paul's deployment from Modeler: the investigation task renamed
    ProcessDefinition active = latestInvestigation();
    DecisionDefinition activeAuthority = latestAuthority();
    Modeler modeler = new Modeler(port);
    // and its end replaced, and the supervisor's compensation limit raised
    HttpResponse<String> submitted = modeler.deploy("paul", "Investigation: four eyes", Map.of(
        "investigation.bpmn", Modeler.shipped("investigation.bpmn").replace("name=\"Investigate complaint\"",
            "name=\"" + RENAMED + "\"").replace("end_investigation_completed", "end_investigation_closed"),
        "investigate-complaint.form", Modeler.shipped("forms/investigate-complaint.form"),
        "compensation-authority.dmn", Modeler.shipped("decisions/compensation-authority.dmn")
            .replace("<text>&lt;= 10000</text>", "<text>&lt;= 20000</text>")));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = Modeler.idOf(submitted);
    String task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();

    // when petra logs in and opens the approval task, then it says who submitted what and what changes
    tasklist.login("petra");
    tasklist.openTask(task, "Approve model deployment");
    tasklist.claim();
    assertThat(tasklist.formText()).contains("Model deployment / 模型部署: Investigation: four eyes",
        "Submitted by / 提交人: paul", "investigation.bpmn", "replaces active version " + active.getVersion(),
        "renamed: User task 'user_investigate_complaint' (" + RENAMED + "), was 'Investigate complaint'",
        "added: End event 'end_investigation_closed'", "removed: End event 'end_investigation_completed'",
        "compensation-authority.dmn", "replaces active version " + activeAuthority.getVersion(),
        "Diagrams / 流程图");
    tasklist.shot("approval-task-form");

    // when she follows the form's link to the diagrams
    tasklist.follow("Open the diagrams and decision tables / 打开流程图和决策表");
    tasklist.await().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));

    // then the renamed task is marked as changed on the submitted and on the active diagram (an orange outline)
    for (String diagram : List.of("submitted", "active")) {
      WebElement shape = shape(diagram, "user_investigate_complaint");
      assertThat(shape.getDomAttribute("class")).as(diagram).contains("df-changed");
      assertThat(shape.findElement(By.cssSelector(".djs-visual > rect")).getCssValue("stroke"))
          .as(diagram + " outline").isEqualTo("rgb(239, 108, 0)");
    }
    // and the new end as added on the submitted one, the old end as removed on the active one, the flow to it changed
    assertThat(marked("submitted")).containsExactlyInAnyOrder("user_investigate_complaint df-changed",
        "end_investigation_closed df-added", "flow_record_to_end df-changed");
    assertThat(marked("active")).containsExactlyInAnyOrder("user_investigate_complaint df-changed",
        "end_investigation_completed df-removed", "flow_record_to_end df-changed");
    assertThat(browser.findElement(By.cssSelector(".diagram.active h3")).getText())
        .isEqualTo("Active version " + active.getVersion() + " / 当前版本 " + active.getVersion());
    assertThat(browser.findElement(By.cssSelector(".changes li.changed")).getText())
        .isEqualTo("Changed / 修改 User task 'user_investigate_complaint' (" + RENAMED + ")");
    // and the decision's changed rule, with what it was
    WebElement rule = browser.findElement(By.cssSelector("table.rules tr[data-rule-id='rule_supervisor']"));
    assertThat(rule.getDomAttribute("class")).isEqualTo("changed");
    assertThat(rule.getText().replaceAll("\\s+", " ")).contains("Changed / 修改 rule_supervisor <= 20000 <= 10000");
    assertThat(rule.findElement(By.cssSelector(".was")).getText()).isEqualTo("<= 10000");
    tasklist.shot("approval-diagrams");
    tasklist.click(rule);
    tasklist.shot("approval-decision-rules");
    assertThat(browser.findElement(By.id("legend")).getText()).contains("Added / 新增", "Removed", "Changed / 修改");

    // when she goes back to the task and approves
    tasklist.follow("Back to the approval task / 返回审批任务");
    tasklist.await().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("section.task-card h2.task"), "Approve model deployment"));
    tasklist.choose("field_deployment_approved-0");
    tasklist.complete();

    // then the new version is active, deployed in paul's name and approved by petra
    tasklist.await().until(driver -> !"PENDING".equals(pending.find(id).orElseThrow().status()));
    PendingDeployment decided = pending.find(id).orElseThrow();
    try {
      assertThat(decided.status()).isEqualTo("APPROVED");
      assertThat(decided.decidedBy()).isEqualTo("petra");
      ProcessDefinition latest = latestInvestigation();
      assertThat(latest.getVersion()).isEqualTo(active.getVersion() + 1);
      assertThat(latest.getDeploymentId()).isEqualTo(decided.deploymentId());
      assertThat(latestAuthority().getVersion()).isEqualTo(activeAuthority.getVersion() + 1);
      assertThat(repositoryService.getBpmnModelInstance(latest.getId())
          .getModelElementById(InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getAttributeValue("name"))
          .isEqualTo(RENAMED);
      // and no request of the whole visit was answered with a sign-in challenge (a browser dialog)
      assertThat(traffic.collect(browser).to(base())).isNotEmpty().allSatisfy(exchange ->
          assertThat(exchange.header("www-authenticate")).as(exchange.toString()).isNull());
    } finally {
      repositoryService.deleteDeployment(decided.deploymentId(), true);
    }
  }

  private WebElement shape(String diagram, String elementId) {
    return browser.findElement(By.cssSelector(".diagram." + diagram + " g.djs-element[data-element-id='" + elementId
        + "']"));
  }

  /** "element-id marker" of every element the diagram marks. */
  private List<String> marked(String diagram) {
    return browser.findElements(By.cssSelector(".diagram." + diagram + " g.djs-element.df-changed, .diagram."
        + diagram + " g.djs-element.df-added, .diagram." + diagram + " g.djs-element.df-removed")).stream()
        .map(element -> element.getDomAttribute("data-element-id") + " " + List.of(element.getDomAttribute("class")
            .split(" ")).stream().filter(name -> name.startsWith("df-")).findFirst().orElseThrow()).toList();
  }

  private DecisionDefinition latestAuthority() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("compensation-authority")
        .latestVersion().singleResult();
  }

  private ProcessDefinition latestInvestigation() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(InvestigationProcess.KEY)
        .latestVersion().singleResult();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}

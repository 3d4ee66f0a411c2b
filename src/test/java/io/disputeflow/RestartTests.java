package io.disputeflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.casefile.ComplaintQueries;
import io.disputeflow.complaint.Stage;
import io.disputeflow.intake.ComplaintSubmission;
import io.disputeflow.intake.IntakeService;
import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Complaints, their open tasks and the deployed models survive a restart on the same database. */
@DatabaseTest
class RestartTests {

  @TempDir Path dataDirectory;
  TestDatabase database;

  @BeforeEach
  void chooseDatabase() {
    database = TestDatabase.persistent(dataDirectory);
  }

  @Test
  void shouldKeepComplaintsAndOpenTasksAcrossARestart() {
    String number;
    long definitions;
    try (ConfigurableApplicationContext app = start()) {
      number = app.getBean(IntakeService.class).submit(new ComplaintSubmission(Channel.BRANCH, "BR-1", null,
              new ComplaintSubmission.Customer(null, "李明", "13800138000", null, null, null, null),
              Product.DEPOSIT_ACCOUNT, "存款利息计算错误", "利息少算了", null, null))
          .complaint().complaintNumber();
      definitions = app.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
    }

    try (ConfigurableApplicationContext app = start()) {
      var complaint = app.getBean(ComplaintQueries.class).get(number);
      assertThat(complaint.customer().name()).isEqualTo("李明");
      assertThat(complaint.stage()).isEqualTo(Stage.INVESTIGATION);
      assertThat(app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(number)
          .taskDefinitionKey(InvestigationProcess.USER_INVESTIGATE_COMPLAINT).count()).isOne();
      // unchanged models are not deployed again
      assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery().count()).isEqualTo(definitions);
    }

    // a second restart: still one version of every model, decision and form, from one deployment
    try (ConfigurableApplicationContext app = start()) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(repository.createProcessDefinitionQuery().list()).allSatisfy(d -> assertThat(d.getVersion()).isOne());
      assertThat(repository.createDecisionDefinitionQuery().list()).allSatisfy(d -> assertThat(d.getVersion()).isOne());
      assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
      assertThat(repository.createDeploymentQuery().count()).isOne();
    }
  }

  private ConfigurableApplicationContext start() {
    // arguments, not default properties: application.yaml would override those
    List<String> arguments = new ArrayList<>(database.arguments());
    arguments.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--disputeflow.demo.import-cfpb=",
        // These applications share the test JVM with the cached test contexts, and Camunda keeps two things in
        // static fields: the webapps' starter the last started application context (see WITHOUT_WEBAPPS), and the
        // engines by name (ProcessEngines, where the engine REST API finds "default"; closing an engine removes
        // its name). With both, every webapp sign-in and logout of a test context started before this class
        // answered 500 after it. What this test checks, the data across restarts, needs neither.
        ApplicationEngine.WITHOUT_WEBAPPS,
        "--camunda.bpm.process-engine-name=restarttests"));
    return new SpringApplicationBuilder(DisputeFlowApplication.class).run(arguments.toArray(String[]::new));
  }
}

package io.disputeflow.cluster;

import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.DisputeFlowApplication;
import io.disputeflow.support.HttpApi;
import io.disputeflow.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One application node as production runs it (job executor on; profile postgres on PostgreSQL, the defaults of
 * application.yaml on an H2 file), inside the test JVM on its own port. Demo users are on so channels and people
 * can log in. Cheaper to start than a {@link NodeProcess} (the classes are loaded and compiled already), which a
 * test needs only for what a process alone shows: a kill.
 */
final class ClusterNode implements AutoCloseable {

  final String name;
  final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  final HttpApi api;

  private ClusterNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.api = new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  static ClusterNode start(String name, TestDatabase database, String... moreArguments) {
    List<String> arguments = new ArrayList<>(database.nodeArguments());
    arguments.addAll(List.of(
        "--server.port=0",
        "--disputeflow.demo.enabled=true",
        // the demo users with a throwaway database; no demo import, the tests count their own complaints
        "--disputeflow.demo.allow-with-postgres=true", "--disputeflow.demo.import-cfpb=",
        // two engines in one JVM need two names (no hyphen allowed); history records which node ran each job
        "--camunda.bpm.process-engine-name=" + name.replace("-", ""),
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        // poll often: the test moves the engine clock and then waits for the job executors
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        // two job executors on the same cases collide now and then (OptimisticLockingException, a deadlock
        // PostgreSQL breaks): the loser is retried on the retry cycle, a minute in production; the test
        // waited that minute for each such retry (most of its time), so retry after a second here
        "--disputeflow.retry-cycle=R5/PT1S",
        // beside the cached test contexts, whose webapp sign-ins answered 500 once these nodes had closed; the
        // nodes' tests use the engine and the API, not the webapps
        ApplicationEngine.WITHOUT_WEBAPPS));
    arguments.addAll(List.of(moreArguments));
    return new ClusterNode(name,
        new SpringApplicationBuilder(DisputeFlowApplication.class).run(arguments.toArray(String[]::new)));
  }

  /** Claims and completes the task as the user would in Tasklist; the job executors do the rest. */
  void complete(Task task, String user, Map<String, Object> variables) {
    IdentityService identity = engine.getIdentityService();
    CaseWorker.authenticate(identity, user);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Override
  public void close() {
    context.close();
  }
}

package io.disputeflow.cluster;

import static org.awaitility.Awaitility.await;

import io.disputeflow.DisputeFlowApplication;
import io.disputeflow.support.ApplicationProcess;
import io.disputeflow.support.HttpApi;
import io.disputeflow.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application as an operating-system process of its own (the test classpath; profile postgres on
 * a PostgreSQL database, the default configuration on an H2 file),
 * so a test can kill it with SIGKILL as a power cut or the OOM killer would. Its output goes to a file
 * under target/ for the post-mortem.
 */
final class NodeProcess {

  final HttpApi api;
  private final Process process;

  private NodeProcess(Process process, int port) {
    this.process = process;
    this.api = new HttpApi(port);
  }

  static NodeProcess start(TestDatabase database, Path log, String... moreArguments) throws IOException {
    int port = ApplicationProcess.freePort();
    List<String> command = new ArrayList<>(List.of(ApplicationProcess.java(), "-Xmx512m"));
    command.addAll(ApplicationProcess.QUICK_START);
    command.addAll(List.of(
        "-cp", ApplicationProcess.classpath(),
        DisputeFlowApplication.class.getName(),
        "--server.port=" + port,
        "--disputeflow.demo.enabled=true",
        // the demo users with a throwaway database; no demo import, the tests count their own complaints
        "--disputeflow.demo.allow-with-postgres=true", "--disputeflow.demo.import-cfpb="));
    command.addAll(database.nodeArguments());
    command.addAll(List.of(moreArguments));
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    NodeProcess node = new NodeProcess(process, port);
    try {
      await("node on port " + port + " up (log " + log + ")").atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .failFast("node process exited", () -> !process.isAlive())
          .ignoreExceptions()
          .until(() -> node.api.get("/actuator/health/readiness", "intake").status() == 200);
    } catch (RuntimeException | Error notUp) {
      // a node that never became ready must not outlive the test, holding its port and database
      process.destroyForcibly();
      throw notUp;
    }
    return node;
  }

  /** SIGKILL on Linux: no shutdown hook, no connection closed cleanly, transactions in flight cut off. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }
}

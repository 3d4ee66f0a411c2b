package io.disputeflow.benchmark;

import io.disputeflow.support.ApplicationProcess;
import io.disputeflow.DisputeFlowApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application as production runs it: a JVM of its own with -Xmx512m, job executor on, demo users
 * on (so the load generator can log in), started from the build's classpath without the test classes
 * or, for the start-up figures, from the extracted jar.
 */
final class BenchmarkNode implements AutoCloseable {

  final int port;
  final long startupMillis;
  private final Process process;
  private final Path log;

  private BenchmarkNode(Process process, int port, long startupMillis, Path log) {
    this.process = process;
    this.port = port;
    this.startupMillis = startupMillis;
    this.log = log;
  }

  static BenchmarkNode start(String heap, List<String> databaseArguments, Path log, String... more)
      throws IOException, InterruptedException {
    return start(heap, List.of("-cp", ApplicationProcess.classpath(), DisputeFlowApplication.class.getName()),
        databaseArguments, log, more);
  }

  /** Starts the application as {@code launch} says (class path and main class, or a jar) and waits until ready. */
  static BenchmarkNode start(String heap, List<String> launch, List<String> databaseArguments, Path log,
      String... more) throws IOException, InterruptedException {
    int port = ApplicationProcess.freePort();
    List<String> command = new ArrayList<>(List.of(
        ApplicationProcess.java(),
        "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
    // e.g. -Dbenchmark.jvm-options=-XX:StartFlightRecording=filename=target/benchmark/node.jfr to profile the node
    String options = System.getProperty("benchmark.jvm-options", "").trim();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.split("\\s+")));
    }
    command.addAll(launch);
    command.addAll(List.of(
        "--server.port=" + port,
        "--disputeflow.demo.enabled=true",
        "--disputeflow.demo.allow-with-postgres=true",
        // the 200-row CFPB demo import would add half a minute to the start and 200 cases to every figure
        "--disputeflow.demo.import-cfpb=",
        "--logging.level.root=WARN",
        "--logging.level.io.disputeflow=WARN"));
    command.addAll(databaseArguments);
    command.addAll(List.of(more));
    Files.createDirectories(log.getParent());
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    HttpClient client = HttpClient.newHttpClient();
    long deadline = started + Duration.ofMinutes(5).toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited during start; see " + log);
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("The application did not start within 5 minutes; see " + log);
      }
      try {
        HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          break;
        }
      } catch (IOException notYetListening) {
        // poll again
      }
      Thread.sleep(100);
    }
    return new BenchmarkNode(process, port, (System.nanoTime() - started) / 1_000_000, log);
  }

  long pid() {
    return process.pid();
  }

  /** The most resident memory the process ever had (Linux VmHWM), in MiB; -1 where /proc is missing. */
  long peakResidentMiB() {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
          .filter(line -> line.startsWith("VmHWM:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Waits (at most three minutes) until the application has used less than a tenth of a core over two
   * seconds: after a bulk load H2 writes and compacts its file for a while, which is not what a
   * request against a settled database of that size costs. Returns the seconds it waited.
   */
  double awaitQuiet() throws IOException, InterruptedException {
    long start = System.nanoTime();
    long ticksPerSecond = 100; // USER_HZ of Linux's /proc/<pid>/stat
    long before = cpuTicks();
    while (before >= 0 && System.nanoTime() - start < 180_000_000_000L) {
      Thread.sleep(2000);
      long now = cpuTicks();
      if (now - before < ticksPerSecond * 2 / 10) {
        break;
      }
      before = now;
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** CPU time the node's process has used so far (all its threads, the database's work included), in ms; -1 without /proc. */
  long cpuMillis() throws IOException {
    long ticks = cpuTicks();
    return ticks < 0 ? -1 : ticks * 10;
  }

  /** User and system CPU time of the process in clock ticks; -1 where /proc is missing. */
  private long cpuTicks() throws IOException {
    Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
    if (!Files.exists(stat)) {
      return -1;
    }
    String line = Files.readString(stat);
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
  }

  boolean ranOutOfMemory() throws IOException {
    return !process.isAlive() || Files.readString(log).contains("OutOfMemoryError");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}

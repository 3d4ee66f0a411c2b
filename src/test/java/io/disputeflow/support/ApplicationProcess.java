package io.disputeflow.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What starting the application as an operating-system process of its own needs. */
public final class ApplicationProcess {

  private ApplicationProcess() {}

  /**
   * The application's classes and libraries from the test JVM's classpath, without the test classes
   * (their camunda.cfg.xml would register a second, in-memory "default" engine that the engine REST
   * API then serves) and without the empty entry (the working directory, whose processes/ folder would
   * be deployed a second time).
   */
  public static String classpath() {
    Path workingDirectory = Path.of("").toAbsolutePath();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !entry.endsWith("test-classes")
            && !Path.of(entry).toAbsolutePath().equals(workingDirectory))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * The options of a test's application process: quick to start rather than fast when hot. The C1 compiler only,
   * as the test JVMs; the serial collector, which saved 1.3 to 3 s of a node's 14 to 18 s of start-up CPU on two
   * cores (G1's concurrent threads compete with the tests for them).
   */
  public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** The java launcher of the JDK the tests run on. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

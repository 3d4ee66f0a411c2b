package io.disputeflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import barecamunda.BareCamunda;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationProcess;
import io.disputeflow.support.ApplicationTest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's webapps answer in DisputeFlow as in a bare Camunda: the same status and headers
 * (Cache-Control, the security headers, cookies and their attributes, the CSRF token) for what Tasklist
 * asks during login and first use. The yardstick is {@link BareCamunda}, Camunda's webapp starter with
 * nothing else, started as a process of its own; values that differ on every answer (dates, the session
 * and token values, the script nonce, lengths) are compared by presence only. The answers of
 * login and first use are listed in target/tasklist-screenshots/webapp-headers.txt.
 */
@ApplicationTest
class CamundaWebappHeadersTests {

  private static final String BARE_ADMIN_PASSWORD = "bare-camunda-admin";
  /** Anonymous, as the login page loads; then signed in as the first screen of Tasklist. */
  private static final List<String> BEFORE_LOGIN = List.of(
      "/camunda/app/tasklist/default/", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0",
      "/camunda/app/tasklist/scripts/config.js", "/camunda/app/tasklist/locales/en.json?bust=7.24.0",
      "/camunda/assets/IBMPlexSans-Regular.woff?bust=7.24.0", "/camunda/lib/deps.js?bust=7.24.0",
      "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js?bust=7.24.0",
      "/camunda/api/engine/engine/", "/camunda/api/admin/auth/user/default", "/camunda-welcome",
      "/camunda/app/cockpit/default/", "/camunda/app/welcome/default/", "/camunda/app/no-such-file.js");
  private static final List<String> AFTER_LOGIN = List.of(
      "/camunda/api/admin/auth/user/default", "/camunda/api/engine/engine/default/user/admin/profile",
      "/camunda/api/engine/engine/default/task/count", "/camunda/app/tasklist/default/");

  private static Process bare;
  private static int barePort;

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startBareCamunda() throws Exception {
    barePort = ApplicationProcess.freePort();
    Path classes = Files.createTempDirectory("bare-camunda");
    Path compiled = Path.of(BareCamunda.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("barecamunda/BareCamunda.class");
    Files.createDirectories(classes.resolve("barecamunda"));
    Files.copy(compiled, classes.resolve("barecamunda/BareCamunda.class"));
    // the webapp starter alone, as a new Camunda webapp project has it (no REST starter); the name without its
    // vendor prefix, as the artifact is operaton-bpm-spring-boot-starter-rest in the Operaton build
    String classpath = classes + File.pathSeparator + Stream.of(ApplicationProcess.classpath().split(File.pathSeparator))
        .filter(entry -> !entry.contains("-bpm-spring-boot-starter-rest"))
        .collect(Collectors.joining(File.pathSeparator));
    Path log = Path.of("target", "bare-camunda.log");
    List<String> command = new ArrayList<>(List.of(ApplicationProcess.java(), "-Xmx384m"));
    command.addAll(ApplicationProcess.QUICK_START);
    command.addAll(List.of("-cp", classpath,
        BareCamunda.class.getName(), "--spring.config.name=bare-camunda", "--server.port=" + barePort,
        "--spring.datasource.url=jdbc:h2:mem:bare-camunda;DB_CLOSE_DELAY=-1",
        "--camunda.bpm.auto-deployment-enabled=false", "--camunda.bpm.admin-user.id=admin",
        // Camunda's default path; stated because the Operaton build's default is /operaton, and ours is /camunda on both
        "--camunda.bpm.webapp.application-path=/camunda",
        "--camunda.bpm.admin-user.password=" + BARE_ADMIN_PASSWORD));
    bare = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient client = HttpClient.newHttpClient();
    await("bare Camunda up (log " + log + ")").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
        .failFast("bare Camunda exited", () -> !bare.isAlive()).ignoreExceptions()
        .until(() -> client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + barePort + "/camunda/app/"))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() < 500);
  }

  @AfterAll
  static void stopBareCamunda() throws InterruptedException {
    if (bare != null) {
      bare.destroy();
      bare.waitFor();
    }
  }

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  @Test
  void shouldAnswerTheWebappsRequestsWithBareCamundasHeaders() throws Exception {
    Map<String, Map<String, String>> ours = conversation(port, "demo");
    Map<String, Map<String, String>> camunda = conversation(barePort, BARE_ADMIN_PASSWORD);

    Files.createDirectories(TasklistBrowserTests.SCREENSHOTS);
    Files.writeString(TasklistBrowserTests.SCREENSHOTS.resolve("webapp-headers.txt"), ours.entrySet().stream()
        .map(entry -> entry.getKey() + "\n  " + entry.getValue()).collect(Collectors.joining("\n", "", "\n")));
    SoftAssertions softly = new SoftAssertions();
    ours.forEach((request, headers) -> softly.assertThat(headers).as(request).isEqualTo(expected(camunda.get(request))));
    softly.assertAll();
    assertThat(ours.get("GET /camunda/api/engine/engine/")).containsEntry("cache-control", "no-cache");
  }

  /**
   * Bare Camunda's answer, with DisputeFlow's one deliberate difference: Spring's error answers (a 404
   * for a file that is not there) are application/problem+json, as everywhere in DisputeFlow.
   */
  private static Map<String, String> expected(Map<String, String> bare) {
    Map<String, String> expected = new TreeMap<>(bare);
    boolean springError = bare.containsKey("vary"); // Spring MVC's answers vary by CORS headers, Camunda's do not
    if (springError && "404".equals(bare.get(":status")) && "application/json".equals(bare.get("content-type"))) {
      expected.put("content-type", "application/problem+json");
    }
    return expected;
  }

  /** The webapps' requests of a login and first use, each with its status and normalised headers. */
  private Map<String, Map<String, String>> conversation(int port, String adminPassword) throws Exception {
    Map<String, Map<String, String>> answers = new LinkedHashMap<>();
    Session session = new Session(port);
    for (String path : BEFORE_LOGIN) {
      answers.put("GET " + path, normalised(session.get(path)));
    }
    HttpResponse<String> login = session.post("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=admin&password=" + adminPassword);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    answers.put("POST login", normalised(login));
    for (String path : AFTER_LOGIN) {
      answers.put("GET " + path + " (signed in)", normalised(session.get(path)));
    }
    return answers;
  }

  private static Map<String, String> normalised(HttpResponse<String> response) {
    Map<String, String> headers = new TreeMap<>();
    headers.put(":status", Integer.toString(response.statusCode()));
    response.headers().map().forEach((name, values) -> {
      String key = name.toLowerCase();
      switch (key) {
        case "date", "content-length", "transfer-encoding", "keep-alive", "connection" -> { }
        case "x-xsrf-token" -> headers.put(key, "(token)");
        case "set-cookie" -> headers.put(key, values.stream()
            .map(cookie -> cookie.replaceFirst("=[^;]*", "=(value)")).sorted().toList().toString());
        case "content-security-policy" -> headers.put(key, String.join(",", values)
            .replaceAll("'nonce-[^']*'", "'nonce-(value)'"));
        default -> headers.put(key, String.join(",", values));
      }
    });
    return headers;
  }

  /** A browser-like session: cookies kept, Camunda's CSRF token sent with a change. */
  private final class Session {
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String token;

    Session(int port) {
      this.port = port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException, URISyntaxException {
      return remember(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException, URISyntaxException {
      return remember(http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
          .build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String path) throws URISyntaxException {
      HttpRequest.Builder request = HttpRequest.newBuilder(new URI("http://localhost:" + port + path))
          .header("Accept", "application/json, text/plain, */*");
      if (!cookies.isEmpty()) {
        request.header("Cookie", String.join("; ", new ArrayList<>(cookies.values())));
      }
      return request;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
      response.headers().allValues("Set-Cookie").forEach(cookie -> {
        String pair = cookie.split(";", 2)[0];
        cookies.put(pair.split("=", 2)[0], pair);
      });
      // as the webapps' script does: the token from the answer's header, else from the XSRF-TOKEN cookie
      response.headers().firstValue("X-XSRF-TOKEN").or(() -> Optional.ofNullable(cookies.get("XSRF-TOKEN"))
          .map(pair -> pair.split("=", 2)[1])).ifPresent(value -> token = value);
      return response;
    }
  }
}

package io.disputeflow.security;

import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.DatabaseTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.Submissions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile and careless input over real HTTP: every refusal is a problem+json without a stack trace,
 * SQL- and HTML-meaningful characters are stored and answered as plain text, and personal data in a
 * logged narrative is masked.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
@DatabaseTest
class HostileInputTests {

  private static final String SQL = "'; DROP TABLE complaint; --";
  /** Would list every complaint if it reached SQL as code. */
  private static final String SQL_TAUTOLOGY = "x' OR '1'='1";
  private static final String SCRIPT = "<img src=x onerror=alert(1)><script>alert('x')</script>";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldRefuseAnOversizedBodyWith413BeforeReadingIt() {
    String narrative = "x".repeat(300 * 1024);
    HttpResponse<String> response = send("intake", "POST", "/api/complaints", "application/json",
        BodyPublishers.ofString(Submissions.creditCardComplaint("BIG-1").replace("\"我在3月2日", "\"" + narrative)));

    assertProblem(response, 413, "Request body too large");
  }

  @Test
  void shouldStopReadingAnOversizedBodyWithoutDeclaredLength() {
    byte[] body = Submissions.creditCardComplaint("BIG-2").replace("\"我在3月2日", "\"" + "y".repeat(300 * 1024))
        .getBytes(StandardCharsets.UTF_8);
    // a stream of unknown length goes out chunked, without Content-Length
    HttpResponse<String> response = send("intake", "POST", "/api/complaints", "application/json",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertProblem(response, 413, "Request body too large");
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE external_reference = 'BIG-2'")).isZero();
  }

  @Test
  void shouldRefuseAWrongContentTypeWith415() {
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
      HttpResponse<String> response = send("intake", "POST", "/api/complaints", type,
          BodyPublishers.ofString(Submissions.creditCardComplaint("CT-1")));
      assertProblem(response, 415, null);
    }
  }

  @Test
  void shouldRefuseMalformedJsonWith400() {
    HttpResponse<String> response = send("intake", "POST", "/api/complaints", "application/json",
        BodyPublishers.ofString("{\"channel\": BRANCH, }"));

    assertProblem(response, 400, "Malformed request");
  }

  @Test
  void shouldRefuseAChangeStartedFromAnotherSitesPage() {
    HttpResponse<String> response = http(request("intake", "POST", "/api/complaints", "application/json",
        BodyPublishers.ofString(Submissions.creditCardComplaint("XS-1"))).header("Sec-Fetch-Site", "cross-site"));

    assertProblem(response, 403, "Cross-site request refused");
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE external_reference = 'XS-1'")).isZero();
  }

  @Test
  void shouldStoreSqlAndHtmlInEveryStringFieldAsPlainText() throws IOException {
    // given every free-text field carries SQL and markup
    String body = json.writeValueAsString(Map.of(
        "channel", "ONLINE_BANKING", "externalReference", SQL,
        "customer", Map.of("customerId", SQL, "name", SQL + SCRIPT),
        "product", "ONLINE_BANKING", "issue", SQL, "narrative", SCRIPT + " " + SQL,
        "representative", Map.of("name", SQL, "relation", "LAWYER", "address", SCRIPT + " " + SQL)));

    // when
    HttpResponse<String> created = send("intake", "POST", "/api/complaints", "application/json",
        BodyPublishers.ofString(body));

    // then it is stored and answered exactly, as JSON that no browser runs
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode complaint = json.readTree(created.body());
    String number = complaint.get("complaintNumber").asText();
    HttpResponse<String> read = send("cora", "GET", "/api/complaints/" + number, null, BodyPublishers.noBody());
    JsonNode stored = json.readTree(read.body());
    assertThat(stored.get("externalReference").asText()).isEqualTo(SQL);
    assertThat(stored.at("/customer/customerId").asText()).isEqualTo(SQL);
    assertThat(stored.at("/customer/name").asText()).isEqualTo(SQL + SCRIPT);
    assertThat(stored.get("issue").asText()).isEqualTo(SQL);
    assertThat(stored.get("narrative").asText()).isEqualTo(SCRIPT + " " + SQL);
    assertThat(stored.at("/representative/name").asText()).isEqualTo(SQL);
    assertThat(stored.at("/representative/address").asText()).isEqualTo(SCRIPT + " " + SQL);
    assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(read.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(count("SELECT COUNT(*) FROM complaint")).isPositive();
  }

  @Test
  void shouldTreatSqlInEverySearchParameterAsAValue() throws IOException {
    send("intake", "POST", "/api/complaints", "application/json",
        BodyPublishers.ofString(Submissions.creditCardComplaint("SQL-SEARCH-1")));
    for (String parameter : List.of("category", "priority", "customerId", "customerName")) {
      HttpResponse<String> response = search(parameter, SQL_TAUTOLOGY);
      assertThat(response.statusCode()).as(parameter + ": " + response.body()).isEqualTo(200);
      assertThat(json.readTree(response.body()).get("totalElements").asLong()).as(parameter).isZero();
    }
    for (String parameter : List.of("status", "stage", "product", "channel", "receivedFrom", "receivedTo",
        "overdue", "dueWithin", "page", "size")) {
      HttpResponse<String> response = search(parameter, SQL);
      assertProblem(response, 400, "Invalid request");
      assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo(parameter);
    }
    assertProblem(send("cora", "GET", "/api/complaints/" + URLEncoder.encode(SQL_TAUTOLOGY, StandardCharsets.UTF_8)
        .replace("+", "%20"), null, BodyPublishers.noBody()), 404, "Complaint not found");
    // an encoded ";" never reaches a controller: the firewall refuses it
    assertProblem(send("cora", "GET", "/api/complaints/" + URLEncoder.encode(SQL, StandardCharsets.UTF_8)
        .replace("+", "%20"), null, BodyPublishers.noBody()), 400, "Request rejected");
    assertThat(count("SELECT COUNT(*) FROM complaint")).isPositive();
  }

  @Test
  void shouldMaskPersonalDataInLoggedText(CapturedOutput output) {
    // given a narrative as a channel might send it
    String narrative = "请回电 13800138000 或 +86 139 1234 5678，邮箱 wang.xiuying@example.cn，身份证 11010519491231002X，"
        + "卡号 6222 0212 3456 7890 123";

    // when some class logs it
    LoggerFactory.getLogger(HostileInputTests.class).info("Narrative received: {}", narrative);

    // then
    assertThat(output.getOut())
        .contains("请回电 138****8000 或 139****5678，邮箱 w***@example.cn，身份证 **************002X，卡号 ***************0123")
        .doesNotContain("13800138000").doesNotContain("wang.xiuying").doesNotContain("11010519491231002X");
  }

  private HttpResponse<String> search(String parameter, String value) {
    return send("cora", "GET", "/api/complaints?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
        null, BodyPublishers.noBody());
  }

  private void assertProblem(HttpResponse<String> response, int status, String title) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (title != null) {
      assertThat(response.body()).contains("\"title\":\"" + title + "\"");
    }
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private HttpResponse<String> send(String user, String method, String path, String contentType, BodyPublisher body) {
    return http(request(user, method, path, contentType, body));
  }

  private HttpRequest.Builder request(String user, String method, String path, String contentType, BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method, body)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    return contentType == null ? request : request.header("Content-Type", contentType);
  }

  private HttpResponse<String> http(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package io.disputeflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Signing in from a browser and from a tool. A browser is never answered with an HTTP Basic challenge
 * (it would open its own modal sign-in dialog over the page); tools of the API are. Whatever is not
 * ours answers as it would without us. A session of Camunda's webapps signs a person in to our pages
 * and lets them read the API, never change it.
 */
@ApplicationTest
class BrowserSignInTests {

  /** What Chromium sends with a page's script request and with a navigation from the address bar. */
  private static final Map<String, String> PAGE_SCRIPT = Map.of("Sec-Fetch-Mode", "cors", "Sec-Fetch-Site",
      "same-origin", "Sec-Fetch-Dest", "empty", "Accept", "application/json, text/plain, */*");
  private static final Map<String, String> ADDRESS_BAR = Map.of("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site",
      "none", "Sec-Fetch-Dest", "document", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
  private static final Map<String, String> TOOL = Map.of("Accept", "application/json");

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  record Case(String path, Map<String, String> headers, int status, String challenge) {}

  @TestFactory
  Stream<DynamicTest> shouldChallengeOnlyToolsOfTheApiAndNeverABrowser() {
    String basic = "Basic realm=\"DisputeFlow\"";
    List<Case> cases = List.of(
        // the webapps' own probe and what browsers ask of any site: as without us, 404
        new Case("/camunda-welcome", PAGE_SCRIPT, 404, null),
        new Case("/camunda-welcome", TOOL, 404, null),
        new Case("/favicon.ico", PAGE_SCRIPT, 404, null),
        new Case("/no/such/page", ADDRESS_BAR, 404, null),
        // the API: tools are challenged, browsers are not
        new Case("/api/complaints", TOOL, 401, basic),
        new Case("/api/complaints", PAGE_SCRIPT, 401, null),
        new Case("/api/complaints", ADDRESS_BAR, 401, null),
        new Case("/api/no/such/endpoint", TOOL, 401, basic),
        new Case("/actuator/info", TOOL, 401, basic),
        new Case("/actuator/info", ADDRESS_BAR, 401, null),
        new Case("/v3/api-docs", TOOL, 401, basic),
        new Case("/engine-rest/task", TOOL, 401, "Basic realm=\"default\""),
        new Case("/engine-rest/task", PAGE_SCRIPT, 401, null),
        new Case("/engine-rest/task", ADDRESS_BAR, 401, null),
        // our pages: a person is sent to sign in, a page's script or a tool gets 401 alone
        new Case("/reports/", ADDRESS_BAR, 302, null),
        new Case("/reports/reports.js", PAGE_SCRIPT, 401, null),
        new Case("/audit/complaints/CMP-2026-000001", TOOL, 401, null),
        // the sign-in page itself
        new Case("/login", ADDRESS_BAR, 200, null),
        new Case("/login/login.js", PAGE_SCRIPT, 200, null));
    return cases.stream().map(c -> dynamicTest(c.path() + " " + kind(c.headers()) + " → " + c.status(), () -> {
      HttpResponse<String> response = get(c.path(), c.headers(), null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
      assertThat(response.headers().firstValue("WWW-Authenticate").orElse(null)).isEqualTo(c.challenge());
    }));
  }

  @Test
  void shouldSendAPersonFromAPageToSignInAndBack() throws Exception {
    HttpResponse<String> response = get("/reports/?from=2026-01-01", ADDRESS_BAR, null);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .endsWith("/login?next=%2Freports%2F%3Ffrom%3D2026-01-01");
  }

  @Test
  void shouldLetTheWebappSessionReadOurPagesAndApiButNotChange() throws Exception {
    // given sam signed in as Tasklist does (the session cookie and Camunda's CSRF token)
    String session = webappLogin("sam");

    // then our pages and the API's reads take that session, with his groups, and leave it as it is
    HttpResponse<String> page = get("/reports/", ADDRESS_BAR, session);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().allValues("Set-Cookie")).as("the session id is the webapps'").isEmpty();
    assertThat(get("/api/reports/summary", PAGE_SCRIPT, session).statusCode()).isEqualTo(200);
    assertThat(get("/audit/complaints/CMP-2026-000001", ADDRESS_BAR, session).statusCode())
        .as("the replay page is the auditors'").isEqualTo(403);

    // and a change needs HTTP Basic: a session alone is not signed in for it
    HttpResponse<String> change = http.send(HttpRequest.newBuilder(uri("/api/complaints/CMP-2026-000001/clock/pause"))
        .header("Cookie", session).header("Sec-Fetch-Site", "same-origin").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"r\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(change.statusCode()).isEqualTo(401);
    assertThat(change.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void shouldForgetTheSessionOnLogout() throws Exception {
    String session = webappLogin("sam");
    HttpResponse<String> first = get("/camunda/api/engine/engine/", TOOL, session);
    session = cookies(first, session);
    HttpResponse<String> logout = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
        .header("Cookie", session).header("X-XSRF-TOKEN", xsrfToken(first, session))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).as("logout: %s", logout.body()).isBetween(200, 299);
    assertThat(get("/api/reports/summary", PAGE_SCRIPT, session).statusCode()).isEqualTo(401);
  }

  /** Every controller lies within the paths our rules cover: anything else is open to everyone. */
  @Test
  void shouldCoverEveryControllerWithTheRules(
      @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    List<String> outside = new ArrayList<>();
    for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
      for (String pattern : mapping.getPatternValues()) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", pattern.replaceAll("\\{[^}]*}", "x"));
        // the documents page and a deployment's diagrams live in the webapps' path and check their session
        // themselves (TasklistEvidenceController, ModelChangesPageController)
        if (!SecurityConfiguration.SIGNED_IN.matches(request) && !SecurityConfiguration.LOGIN.matches(request)
            && !List.of("/", "/error").contains(pattern) && !pattern.startsWith("/camunda/evidence/")
            && !pattern.startsWith("/camunda/model-changes/")) {
          outside.add(pattern);
        }
      }
    }
    assertThat(outside).as("controller paths outside the secured ones").isEmpty();
  }

  /** Logs in as Tasklist's login page does; the session cookie afterwards. */
  private String webappLogin(String user) throws IOException, InterruptedException {
    HttpResponse<String> first = get("/camunda/api/engine/engine/", TOOL, null);
    String cookies = cookies(first, "");
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Cookie", cookies).header("X-XSRF-TOKEN", first.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo", StandardCharsets.UTF_8))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return cookies(login, cookies);
  }

  /**
   * The session's CSRF token as the webapps read it: Camunda sends it in a header when it makes one for
   * the session, and always as the XSRF-TOKEN cookie (the login may already have made it).
   */
  private static String xsrfToken(HttpResponse<?> response, String cookies) {
    return response.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> java.util.Arrays.stream(cookies.split("; "))
        .filter(pair -> pair.startsWith("XSRF-TOKEN=")).map(pair -> pair.substring("XSRF-TOKEN=".length()))
        .findFirst().orElseThrow(() -> new AssertionError("no CSRF token in the header or the cookies: " + cookies)));
  }

  private static String cookies(HttpResponse<?> response, String before) {
    Map<String, String> jar = new java.util.LinkedHashMap<>();
    for (String pair : before.isEmpty() ? new String[0] : before.split("; ")) {
      jar.put(pair.split("=", 2)[0], pair);
    }
    response.headers().allValues("Set-Cookie").forEach(cookie -> {
      String pair = cookie.split(";", 2)[0];
      jar.put(pair.split("=", 2)[0], pair);
    });
    return String.join("; ", jar.values());
  }

  private HttpResponse<String> get(String path, Map<String, String> headers, String cookies)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(request::header);
    if (cookies != null) {
      request.header("Cookie", cookies);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String kind(Map<String, String> headers) {
    return headers == ADDRESS_BAR ? "from the address bar" : headers == PAGE_SCRIPT ? "from a page's script" : "from a tool";
  }
}

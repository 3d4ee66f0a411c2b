package io.disputeflow.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A person logged in to Tasklist, calling Tasklist's own REST API as its pages do: a session
 * cookie from the login and the XSRF token Camunda's webapps require on every change. Also opens our
 * own pages under the webapps' path with that session, as a link from a task form does.
 */
public final class TasklistSession {

  public static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private final TestRestTemplate rest;
  private final List<String> cookies = new ArrayList<>();
  private String xsrfToken;

  private TasklistSession(TestRestTemplate rest) {
    this.rest = rest;
  }

  public static TasklistSession login(TestRestTemplate rest, String user) {
    TasklistSession session = new TasklistSession(rest);
    session.remember(rest.getForEntity("/camunda/app/tasklist/default/", String.class));
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo");
    HttpHeaders headers = session.headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    if (!login.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("login of " + user + ": " + login.getStatusCode() + " " + login.getBody());
    }
    session.remember(login);
    // the login starts a new session: its first answer carries the token for it
    session.call(HttpMethod.GET, "/task/count", null);
    return session;
  }

  public ResponseEntity<String> post(String path, String body) {
    return call(HttpMethod.POST, path, body);
  }

  public ResponseEntity<String> call(HttpMethod method, String path, String body) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange(ENGINE_API + path, method, new HttpEntity<>(body, headers),
        String.class);
    remember(response);
    return response;
  }

  /** A GET of any path of the application in this session, accepting the media type given. */
  public ResponseEntity<String> get(String path, String accept) {
    HttpHeaders headers = headers();
    headers.set(HttpHeaders.ACCEPT, accept);
    ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    remember(response);
    return response;
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, String.join("; ", cookies));
    if (xsrfToken != null) {
      headers.set("X-XSRF-TOKEN", xsrfToken);
    }
    return headers;
  }

  private void remember(ResponseEntity<?> response) {
    List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (set == null) {
      return;
    }
    for (String cookie : set) {
      String pair = cookie.split(";", 2)[0];
      String name = pair.split("=", 2)[0];
      cookies.removeIf(existing -> existing.startsWith(name + "="));
      cookies.add(pair);
      if (name.equals("XSRF-TOKEN")) {
        xsrfToken = pair.split("=", 2)[1];
      }
    }
    String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
    if (token != null) {
      xsrfToken = token;
    }
  }
}

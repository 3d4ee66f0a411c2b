package io.disputeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Every HTTP request the browser made and the answer it got, from Chrome's performance log (DevTools
 * Network events; {@link Chromium} turns the log on): method, URL, status and response headers,
 * redirects as exchanges of their own. A request the browser never got an answer for (e.g. one held
 * by a sign-in dialog) has status 0.
 */
public final class BrowserTraffic {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request and its answer. Header names are lower case. */
  public record Exchange(String method, String url, int status, Map<String, String> headers, String failure) {

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }

    /** The path and query, for reading. */
    public String path() {
      return url.replaceFirst("^https?://[^/]+", "");
    }

    @Override
    public String toString() {
      String challenge = header("www-authenticate");
      return method + " " + path() + " -> " + (status == 0 ? "no answer" + (failure == null ? "" : " (" + failure + ")")
          : status) + (challenge == null ? "" : "  WWW-Authenticate: " + challenge);
    }
  }

  /** In the order the browser sent them; by request id the latest of each (a redirect keeps the id). */
  private final List<Pending> all = new ArrayList<>();
  private final Map<String, Pending> current = new HashMap<>();

  private static final class Pending {
    final String method;
    final String url;
    int status;
    final Map<String, String> headers = new TreeMap<>();
    String failure;

    Pending(String method, String url) {
      this.method = method;
      this.url = url;
    }

    Exchange exchange() {
      return new Exchange(method, url, status, Map.copyOf(headers), failure);
    }
  }

  /** Reads what the browser logged since the last call; Chrome hands each log entry out once. */
  public BrowserTraffic collect(ChromeDriver browser) {
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        read(message.path("method").asText(), message.path("params"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  private void read(String event, JsonNode params) {
    String id = params.path("requestId").asText();
    switch (event) {
      case "Network.requestWillBeSent" -> {
        JsonNode request = params.path("request");
        Pending previous = current.remove(id);
        if (previous != null && params.has("redirectResponse")) {
          // the same request id goes on after a redirect: the redirect was an exchange of its own
          JsonNode redirect = params.path("redirectResponse");
          previous.status = redirect.path("status").asInt(previous.status);
          headers(previous, redirect.path("headers"));
        }
        String url = request.path("url").asText();
        if (url.startsWith("http")) {
          Pending next = new Pending(request.path("method").asText(), url);
          all.add(next);
          current.put(id, next);
        }
      }
      case "Network.responseReceived" -> with(id, pending -> {
        pending.status = params.path("response").path("status").asInt();
        headers(pending, params.path("response").path("headers"));
      });
      case "Network.responseReceivedExtraInfo" -> with(id, pending -> {
        if (pending.status == 0) {
          pending.status = params.path("statusCode").asInt();
        }
        headers(pending, params.path("headers"));
      });
      case "Network.loadingFailed" -> with(id, pending -> pending.failure = params.path("errorText").asText());
      default -> { }
    }
  }

  private void with(String id, java.util.function.Consumer<Pending> change) {
    Pending pending = current.get(id);
    if (pending != null) {
      change.accept(pending);
    }
  }

  private static void headers(Pending pending, JsonNode headers) {
    headers.properties().forEach(header -> pending.headers.put(header.getKey().toLowerCase(), header.getValue().asText()));
  }

  /** Everything so far, in the order the browser sent it. */
  public List<Exchange> exchanges() {
    return all.stream().map(Pending::exchange).toList();
  }

  /** The requests to the application under test (the browser's own, e.g. to chrome://, left out). */
  public List<Exchange> to(String baseUrl) {
    return exchanges().stream().filter(exchange -> exchange.url().startsWith(baseUrl)).toList();
  }
}

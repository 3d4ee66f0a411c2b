package io.disputeflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A running node's HTTP API as a channel system, a person or the benchmark calls it: JSON with HTTP Basic. */
public final class HttpApi {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final Duration timeout;

  public HttpApi(int port) {
    this(port, Duration.ofSeconds(60));
  }

  /** Waiting up to the timeout for each answer (the benchmark's reports over a million complaints take minutes). */
  public HttpApi(int port, Duration timeout) {
    this.baseUrl = "http://localhost:" + port;
    this.timeout = timeout;
  }

  public record Response(int status, String body) {}

  public Response post(String path, String user, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), user);
  }

  /** A body of another type, e.g. a CSV file ({@code text/csv}). */
  public Response post(String path, String user, String contentType, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user);
  }

  public Response get(String path, String user) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), user);
  }

  /** As Tasklist asks for a filter's tasks with their variables: {@code application/hal+json}. */
  public Response get(String path, String user, String accept) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET(), user);
  }

  private Response send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
    String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = CLIENT.send(request.header("Authorization", "Basic " + credentials)
        .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body());
  }
}

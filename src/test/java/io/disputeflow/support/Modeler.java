package io.disputeflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** What Camunda Modeler's deploy dialog sends: a multipart POST to /engine-rest/deployment/create. */
public final class Modeler {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final int port;

  public Modeler(int port) {
    this.port = port;
  }

  /** Deploys the files (name → content) as the user, with Modeler's deployment source. */
  public HttpResponse<String> deploy(String user, String deploymentName, Map<String, String> files) {
    String boundary = "----CamundaModeler" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    part(body, boundary, "deployment-name", null, deploymentName);
    part(body, boundary, "deployment-source", null, "Camunda Modeler");
    part(body, boundary, "deploy-changed-only", null, "true");
    files.forEach((name, content) -> part(body, boundary, name, name, content));
    body.append("--").append(boundary).append("--\r\n");
    return send(user, "POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.toString());
  }

  public HttpResponse<String> send(String user, String method, String path, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A file of the process owners' folder, as Modeler reads it from disk. */
  public static String shipped(String path) {
    try (InputStream in = Modeler.class.getResourceAsStream("/processes/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void part(StringBuilder body, String boundary, String name, String fileName, String content) {
    body.append("--").append(boundary).append("\r\n").append("Content-Disposition: form-data; name=\"").append(name)
        .append('"');
    if (fileName != null) {
      body.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
    }
    body.append("\r\n\r\n").append(content).append("\r\n");
  }
}

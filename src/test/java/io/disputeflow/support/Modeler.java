package io.disputeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * Deploys as the submitter, then has the approver approve it as in Tasklist (the task's complete
   * endpoint); answers the submission (202 with the pending deployment's id), or its refusal.
   */
  public HttpResponse<String> deployApproved(String submitter, String approver, String deploymentName,
      Map<String, String> files) {
    HttpResponse<String> submitted = deploy(submitter, deploymentName, files);
    if (submitted.statusCode() == 202) {
      HttpResponse<String> decided = decide(approver, idOf(submitted), true, null);
      if (decided.statusCode() != 204) {
        throw new AssertionError("approval of '" + deploymentName + "' by " + approver + " failed: "
            + decided.statusCode() + " " + decided.body());
      }
    }
    return submitted;
  }

  /** The approver approves or refuses the pending deployment's task, as Tasklist's form submits it. */
  public HttpResponse<String> decide(String approver, String pendingId, boolean approved, String reason) {
    String task = approvalTask(approver, pendingId);
    String variables = "{\"variables\":{\"deploymentApproved\":{\"value\":" + approved + "}"
        + (reason == null ? "" : ",\"deploymentDecisionReason\":{\"value\":" + quoted(reason) + "}") + "}}";
    return send(approver, "POST", "/engine-rest/task/" + task + "/complete", "application/json", variables);
  }

  /** The id of the approval task of the pending deployment, as the user's task list shows it. */
  public String approvalTask(String user, String pendingId) {
    HttpResponse<String> tasks = send(user, "GET", "/engine-rest/task?processInstanceBusinessKey=" + pendingId,
        null, null);
    try {
      JsonNode list = JSON.readTree(tasks.body());
      if (tasks.statusCode() != 200 || list.size() != 1) {
        throw new AssertionError(user + " sees no approval task of " + pendingId + ": " + tasks.body());
      }
      return list.get(0).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The "id" of a JSON answer. */
  public static String idOf(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body()).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

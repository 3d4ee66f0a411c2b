package io.disputeflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence documents over real HTTP: what an upload answers and stores, which uploads are refused,
 * who may read a case's documents, and that every upload and download is a timeline entry inside
 * the case's hash chain.
 */
@ApplicationTest
@DatabaseTest
class EvidenceApiTests {

  private static final int TEN_MB = 10 * 1024 * 1024;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  @Test
  void shouldStoreAnUploadAndGiveItBackByteForByte() throws Exception {
    // given a complaint, and a customer's contract as a scanner makes it
    String number = newComplaint();
    byte[] contract = Multipart.pdf(4096);

    // when the coordinator uploads it under a name with a path and a control character
    HttpResponse<String> created = upload("cora", number, "C:\\scans\\合同\u0007 <2026>.pdf", "application/pdf", contract);

    // then it is stored with its fields, a safe name and the SHA-256 of its bytes
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode document = json.readTree(created.body());
    long id = document.get("id").asLong();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/complaints/" + number + "/documents/" + id);
    assertThat(document.get("fileName").asText()).isEqualTo("合同 _2026_.pdf");
    assertThat(document.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(document.get("size").asLong()).isEqualTo(4096);
    assertThat(document.get("sha256").asText()).isEqualTo(sha256(contract));
    assertThat(document.get("uploadedBy").asText()).isEqualTo("cora");
    assertThat(document.get("uploadedAt").asText()).isNotBlank();

    // and it is listed and given back as uploaded, as an attachment the browser must not sniff
    JsonNode list = json.readTree(get("cora", "/api/complaints/" + number + "/documents").body());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("sha256").asText()).isEqualTo(sha256(contract));
    HttpResponse<byte[]> download = download("cora", number, id);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(contract);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;").contains("filename*=UTF-8''%E5%90%88%E5%90%8C%20_2026_.pdf");

    // and the case's open task shows it as a link its form opens under the Tasklist login
    String links = (String) taskService.getVariableLocal(worker.openTask(number,
        InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getId(), "documentsText");
    assertThat(links).contains("[合同 \\_2026\\_.pdf](/camunda/evidence/" + number + "/documents/" + id + ")",
        "(/camunda/evidence/" + number + ")");
  }

  @Test
  void shouldRefuseAProgramNamedLikeAPdfAndAFileOverTenMegabytes() throws Exception {
    // given a complaint
    String number = newComplaint();

    // when a program renamed .pdf is uploaded, declared as a PDF
    HttpResponse<String> program = upload("cora", number, "statement.pdf", "application/pdf", Multipart.exe());

    // then it is refused for its content
    assertThat(program.statusCode()).as(program.body()).isEqualTo(415);
    assertThat(program.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(program.body()).get("detail").asText()).contains("not a PDF, JPEG or PNG");

    // when a PDF of 10 MB + 1 byte is uploaded, then it is refused as too large
    HttpResponse<String> tooLarge = upload("cora", number, "big.pdf", "application/pdf", Multipart.pdf(TEN_MB + 1));
    assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
    assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(tooLarge.body()).get("detail").asText()).contains((TEN_MB + 1) + " bytes");

    // and a request without the file part names the field
    HttpResponse<String> missing = send("cora", "/api/complaints/" + number + "/documents",
        Multipart.file("attachment", "a.pdf", "application/pdf", Multipart.pdf(100)));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json.readTree(missing.body()).at("/errors/0/field").asText()).isEqualTo("file");

    // and nothing was stored; exactly 10 MB is taken
    assertThat(json.readTree(get("cora", "/api/complaints/" + number + "/documents").body())).isEmpty();
    assertThat(upload("cora", number, "exactly.pdf", "application/pdf", Multipart.pdf(TEN_MB)).statusCode())
        .isEqualTo(201);
  }

  @Test
  void shouldOpenACasesDocumentsOnlyToThoseTheCaseIsOpenTo() throws Exception {
    // given a card complaint (the cards department reviews it) with a document from the channel at intake
    String number = newComplaint();
    HttpResponse<String> atIntake = upload("intake", number, "screenshot.pdf", "application/pdf", Multipart.pdf(300));
    assertThat(atIntake.statusCode()).as(atIntake.body()).isEqualTo(201);
    long id = json.readTree(atIntake.body()).get("id").asLong();
    String documents = "/api/complaints/" + number + "/documents";

    // then those who handle or oversee cases and the reviewing department read it
    for (String reader : List.of("cora", "sam", "helen", "audrey", "carl")) {
      assertThat(get(reader, documents).statusCode()).as(reader).isEqualTo(200);
      assertThat(download(reader, number, id).statusCode()).as(reader).isEqualTo(200);
    }
    // a department not reviewing it and legal counsel not consulted are refused, as are the others
    for (String refused : List.of("colin", "lara", "paul", "intake")) {
      HttpResponse<String> list = get(refused, documents);
      assertThat(list.statusCode()).as(refused).isEqualTo(403);
      assertThat(list.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      assertThat(download(refused, number, id).statusCode()).as(refused).isEqualTo(403);
    }
    // only coordinators and the channel add documents
    for (String user : List.of("sam", "carl", "audrey")) {
      assertThat(upload(user, number, "x.pdf", "application/pdf", Multipart.pdf(100)).statusCode()).as(user)
          .isEqualTo(403);
    }
    // an unknown case, and a document of another case, are not found
    assertThat(get("cora", "/api/complaints/CMP-2000-999999/documents").statusCode()).isEqualTo(404);
    assertThat(download("cora", newComplaint(), id).statusCode()).isEqualTo(404);

    // when the investigation asks for legal counsel, then legal counsel reads it too
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation(true));
    assertThat(get("lara", documents).statusCode()).isEqualTo(200);
    assertThat(get("colin", documents).statusCode()).isEqualTo(403);
  }

  @Test
  void shouldPutEveryUploadAndDownloadInTheTimelineAndKeepTheChainVerifiable() throws Exception {
    // given a complaint with a document uploaded by cora and opened by the auditor
    String number = newComplaint();
    byte[] notes = Multipart.pdf(1000);
    long id = json.readTree(upload("cora", number, "call-notes.pdf", "application/pdf", notes).body())
        .get("id").asLong();
    assertThat(download("audrey", number, id).statusCode()).isEqualTo(200);

    // when the case is worked to its close (the timeline is anchored then)
    close(number);

    // then the timeline has both entries, and the chain over them verifies
    JsonNode timeline = json.readTree(get("audrey", "/api/complaints/" + number + "/timeline").body());
    JsonNode uploaded = only(timeline, "DOCUMENT_UPLOADED");
    assertThat(uploaded.get("actor").asText()).isEqualTo("cora");
    assertThat(uploaded.at("/details/fileName").asText()).isEqualTo("call-notes.pdf");
    assertThat(uploaded.at("/details/sha256").asText()).isEqualTo(sha256(notes));
    JsonNode downloaded = only(timeline, "DOCUMENT_DOWNLOADED");
    assertThat(downloaded.get("actor").asText()).isEqualTo("audrey");
    assertThat(downloaded.at("/details/via").asText()).isEqualTo("API");
    assertThat(downloaded.at("/details/documentId").asText()).isEqualTo(Long.toString(id));
    JsonNode verified = verify(number);
    assertThat(verified.get("status").asText()).as(verified.toString()).isEqualTo("VERIFIED");
    assertThat(verified.get("anchoredEntries").asInt()).isEqualTo(timeline.get("entryCount").asInt());

    // when the auditor opens it again after the close, then that is a later entry and the chain still verifies
    assertThat(download("audrey", number, id).statusCode()).isEqualTo(200);
    JsonNode later = json.readTree(get("audrey", "/api/complaints/" + number + "/timeline").body());
    assertThat(entries(later, "DOCUMENT_DOWNLOADED")).hasSize(2);
    assertThat(verify(number).get("status").asText()).isEqualTo("VERIFIED");

    // when someone renames the stored document in the database, then verification breaks at its upload
    jdbc.sql("UPDATE evidence_document SET file_name = 'harmless.pdf' WHERE id = ?").param(id).update();
    JsonNode broken = verify(number);
    assertThat(broken.get("status").asText()).isEqualTo("BROKEN");
    assertThat(broken.at("/firstDifference/anchoredType").asText()).isEqualTo("DOCUMENT_UPLOADED");
    jdbc.sql("UPDATE evidence_document SET file_name = 'call-notes.pdf' WHERE id = ?").param(id).update();
    assertThat(verify(number).get("status").asText()).isEqualTo("VERIFIED");

    // when the stored bytes are swapped in the database, then they are not handed out as the evidence
    jdbc.sql("UPDATE evidence_document SET content = ? WHERE id = ?").params(Multipart.pdf(1000 + 1), id).update();
    HttpResponse<String> damaged = get("audrey", "/api/complaints/" + number + "/documents/" + id);
    assertThat(damaged.statusCode()).isEqualTo(500);
    assertThat(json.readTree(damaged.body()).get("title").asText()).isEqualTo("Document damaged");
  }

  private void close(String number) throws Exception {
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation(false));
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "复核结论", "reviewRecommendation", "UPHOLD"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora",
        Map.of("decision", "UPHOLD", "compensationAmount", 500.0, "decisionGrounds", "Double charge confirmed"));
    assertThat(post("intake", "/api/complaints/" + number + "/customer-response", "{\"accepted\": true}").statusCode())
        .isEqualTo(202);
    worker.runJobs(number);
    worker.payRedress(number);
    assertThat(post("intake", "/api/complaints/" + number + "/survey", "{\"score\": 4}").statusCode()).isEqualTo(202);
    worker.runJobs(number);
    worker.complete(number, FeedbackProcess.USER_RECORD_ROOT_CAUSE, "cora", Map.of("rootCause", "SYSTEM_FAULT",
        "rootCauseDepartment", "dept-digital", "systemicCause", false, "rootCauseNotes", "Double posting"));
  }

  private static Map<String, Object> investigation(boolean legalNeeded) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "客户陈述属实，需部门复核");
    variables.put("legalNeeded", legalNeeded);
    ComplaintVariables.DEPARTMENTS.put(variables, List.of("dept-cards"));
    return variables;
  }

  private JsonNode verify(String number) throws IOException, InterruptedException {
    return json.readTree(get("audrey", "/api/complaints/" + number + "/timeline/verify").body());
  }

  private static List<JsonNode> entries(JsonNode timeline, String type) {
    return StreamSupport.stream(timeline.get("entries").spliterator(), false)
        .filter(entry -> type.equals(entry.get("type").asText())).toList();
  }

  private static JsonNode only(JsonNode timeline, String type) {
    List<JsonNode> entries = entries(timeline, type);
    assertThat(entries).as(type).hasSize(1);
    return entries.get(0);
  }

  private String newComplaint() throws Exception {
    HttpResponse<String> created = post("intake", "/api/complaints",
        Submissions.creditCardComplaint("EVD-" + System.nanoTime()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = json.readTree(created.body()).get("complaintNumber").asText();
    worker.runJobs(number);
    return number;
  }

  private HttpResponse<String> upload(String user, String number, String fileName, String declaredType, byte[] content)
      throws IOException, InterruptedException {
    return send(user, "/api/complaints/" + number + "/documents",
        Multipart.file("file", fileName, declaredType, content));
  }

  private HttpResponse<String> send(String user, String path, Multipart body) throws IOException, InterruptedException {
    return HTTP.send(request(user, path).header("Content-Type", body.contentType())
        .POST(BodyPublishers.ofByteArray(body.body())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String user, String path, String body) throws IOException, InterruptedException {
    return HTTP.send(request(user, path).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> download(String user, String number, long id) throws IOException, InterruptedException {
    return HTTP.send(request(user, "/api/complaints/" + number + "/documents/" + id).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}

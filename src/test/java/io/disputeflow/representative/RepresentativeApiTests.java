package io.disputeflow.representative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A complaint made on the customer's behalf: the representative is recorded at intake or later with
 * their authority document, gets a copy of every letter, shows in GET, masked like the customer for a
 * department, in the logs, and in the timeline.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class RepresentativeApiTests {

  private static final String DAUGHTER = """
      {"name": "李娜", "relation": "RELATIVE", "phone": "13912345678", "email": "li.na@example.cn",
       "address": "上海市浦东新区世纪大道100号"}""";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseWorker worker;

  @Test
  void shouldRecordTheRepresentativeAtIntakeCopyEveryLetterAndTakeTheAuthorityLater() throws Exception {
    // when the daughter of an elderly customer complains for her through the app
    String number = submit("REP-0001", DAUGHTER);

    // then the case shows who acts for the customer, recorded by the channel
    view(number, "cora")
        .andExpect(jsonPath("$.representative.name", is("李娜")))
        .andExpect(jsonPath("$.representative.relation", is("RELATIVE")))
        .andExpect(jsonPath("$.representative.phone", is("13912345678")))
        .andExpect(jsonPath("$.representative.email", is("li.na@example.cn")))
        .andExpect(jsonPath("$.representative.address", is("上海市浦东新区世纪大道100号")))
        .andExpect(jsonPath("$.representative.authorityDocumentId").doesNotExist())
        .andExpect(jsonPath("$.representative.recordedBy", is("intake")));

    // and the acknowledgement went to both: the customer, and a copy to the representative that says so
    List<JsonNode> acknowledgements = letters(number, "ACKNOWLEDGEMENT");
    assertThat(acknowledgements).extracting(l -> l.get("addressee").asText() + " " + l.get("recipient").asText())
        .containsExactly("CUSTOMER wang.xiuying@example.cn", "REPRESENTATIVE li.na@example.cn");
    JsonNode copy = read(get("/api/complaints/" + number + "/letters/" + acknowledgements.get(1).get("id").asText()),
        "cora");
    assertThat(copy.get("subject").asText()).startsWith("【代理人副本】").contains(number);
    assertThat(copy.get("body").asText()).startsWith("本函副本致 李娜（亲属），王秀英 的代理人。");

    // when the power of attorney is uploaded to the case and recorded as her authority
    long document = upload(number);
    String withAuthority = DAUGHTER.replace("}", ", \"authorityDocumentId\": " + document + "}");
    put(number, "cora", withAuthority).andExpect(status().isOk())
        .andExpect(jsonPath("$.authorityDocumentId", is((int) document)))
        .andExpect(jsonPath("$.recordedBy", is("cora")));
    // recording the same again changes nothing
    put(number, "cora", withAuthority).andExpect(status().isOk());

    // then GET shows it, and the timeline has both recordings in its intact hash chain, without contact data
    view(number, "cora").andExpect(jsonPath("$.representative.authorityDocumentId", is((int) document)));
    JsonNode timeline = read(get("/api/complaints/" + number + "/timeline"), "audrey");
    List<JsonNode> recorded = entries(timeline, "REPRESENTATIVE_RECORDED");
    assertThat(recorded).extracting(e -> e.get("actor").asText()).containsExactly("intake", "cora");
    assertThat(recorded.get(0).get("details").get("relation").asText()).isEqualTo("RELATIVE");
    assertThat(recorded.get(0).get("details").get("contact").asText()).isEqualTo("phone, email, address");
    assertThat(recorded.get(1).get("details").get("authorityDocumentId").asText()).isEqualTo(Long.toString(document));
    assertThat(recorded.toString()).doesNotContain("13912345678", "li.na@example.cn");
    // (the case is open: nothing is anchored yet, so the chain is recomputed the same, entry for entry)
    JsonNode again = read(get("/api/complaints/" + number + "/timeline"), "audrey");
    assertThat(entries(again, "REPRESENTATIVE_RECORDED")).extracting(e -> e.get("hash").asText())
        .containsExactlyElementsOf(recorded.stream().map(e -> e.get("hash").asText()).toList());

    // and a lawyer who takes over later, reachable by post only, gets the letters that follow on paper
    put(number, "cora", """
        {"name": "张律师", "relation": "LAWYER", "address": "北京市朝阳区建国路1号 金杜律师事务所"}""")
        .andExpect(status().isOk());
    view(number, "cora").andExpect(jsonPath("$.representative.relation", is("LAWYER")))
        .andExpect(jsonPath("$.representative.email").doesNotExist());
  }

  @Test
  void shouldRefuseAFaultyRepresentativeNamingEveryFieldAndChangeNothing() throws Exception {
    long before = complaintCount();

    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(submission("REP-0002", """
                {"name": " ", "relation": "FRIEND", "phone": "call me", "email": "not-an-address"}""")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("representative.name",
            "representative.relation", "representative.phone", "representative.email")));
    // a new complaint has no documents its representative's authority could be
    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(submission("REP-0002", DAUGHTER.replace("}", ", \"authorityDocumentId\": 1}"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("representative.authorityDocumentId")));
    assertThat(complaintCount()).isEqualTo(before);

    // later: a document of another case is no authority for this one; the wrong people and cases are refused
    String number = submit("REP-0003", null);
    String other = submit("REP-0004", null);
    long otherDocument = upload(other);
    put(number, "cora", DAUGHTER.replace("}", ", \"authorityDocumentId\": " + otherDocument + "}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field", is("authorityDocumentId")));
    put(number, "cora", "{\"relation\": \"LAWYER\"}").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "emailOrAddress")));
    put(number, "carl", DAUGHTER).andExpect(status().isForbidden());
    put("CMP-1999-999999", "cora", DAUGHTER).andExpect(status().isNotFound());
    view(number, "cora").andExpect(jsonPath("$.representative").doesNotExist());
    assertThat(letters(number, "ACKNOWLEDGEMENT")).extracting(l -> l.get("addressee").asText())
        .containsExactly("CUSTOMER");
  }

  @Test
  void shouldMaskTheRepresentativesContactLikeTheCustomersForADepartmentAndInTheLogs(CapturedOutput output)
      throws Exception {
    String number = submit("REP-0005", DAUGHTER);
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "需信用卡部复核");
    variables.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(variables, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", variables);

    // the cards department reviewing the case sees no more of the representative than of the customer
    view(number, "carl")
        .andExpect(jsonPath("$.customer.phone", is("138****8000")))
        .andExpect(jsonPath("$.representative.name", is("李娜")))
        .andExpect(jsonPath("$.representative.relation", is("RELATIVE")))
        .andExpect(jsonPath("$.representative.phone", is("139****5678")))
        .andExpect(jsonPath("$.representative.email", is("l***@example.cn")))
        .andExpect(jsonPath("$.representative.address").doesNotExist());
    // and the log line of the recording names the representative with phone and e-mail masked
    List<String> lines = output.getAll().lines().filter(line -> line.contains("Representative of " + number)).toList();
    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
        .contains("recorded by intake: 李娜 (RELATIVE), phone 139****5678, e-mail l***@example.cn")
        .doesNotContain("13912345678", "li.na@example.cn"));
  }

  private String submission(String reference, String representative) {
    String body = io.disputeflow.support.Submissions.creditCardComplaint(reference).trim();
    return representative == null ? body
        : body.substring(0, body.length() - 1) + ", \"representative\": " + representative + "}";
  }

  private String submit(String reference, String representative) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(submission(reference, representative)))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("complaintNumber").asText();
  }

  private long upload(String number) throws Exception {
    byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    String body = mvc.perform(multipart("/api/complaints/" + number + "/documents")
            .file(new MockMultipartFile("file", "授权委托书.pdf", "application/pdf", pdf)).with(httpBasic("cora", "demo")))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("id").asLong();
  }

  private ResultActions put(String number, String user, String body) throws Exception {
    return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .put("/api/complaints/" + number + "/representative").with(httpBasic(user, "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions view(String number, String user) throws Exception {
    return mvc.perform(get("/api/complaints/" + number).with(httpBasic(user, "demo"))).andExpect(status().isOk());
  }

  private List<JsonNode> letters(String number, String type) throws Exception {
    return StreamSupport.stream(read(get("/api/complaints/" + number), "cora").get("letters").spliterator(), false)
        .filter(letter -> letter.get("type").asText().equals(type)).toList();
  }

  private long complaintCount() {
    return jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
  }

  private JsonNode read(MockHttpServletRequestBuilder request, String user) throws Exception {
    String body = mvc.perform(request.with(httpBasic(user, "demo"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body);
  }

  private static List<JsonNode> entries(JsonNode timeline, String type) {
    return StreamSupport.stream(timeline.get("entries").spliterator(), false)
        .filter(entry -> entry.get("type").asText().equals(type)).toList();
  }
}

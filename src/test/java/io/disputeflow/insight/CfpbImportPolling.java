package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Posts a CFPB export as a channel would and follows its import to the end, as a channel would poll. */
final class CfpbImportPolling {

  /**
   * The import tests' own database: their years-old complaints stay away from tests that run due jobs. One
   * string for all of them, so they share one application.
   */
  static final String IMPORT_DATABASE =
      "spring.datasource.url=jdbc:h2:mem:cfpb-import-${random.uuid};DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=100";

  static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

  private CfpbImportPolling() {}

  /** The answer's Location, after checking the 202. */
  static String post(MockMvc mvc, byte[] csv, String user) throws Exception {
    String location = mvc.perform(MockMvcRequestBuilders.post("/api/imports/cfpb").with(httpBasic(user, "demo"))
            .contentType(TEXT_CSV).content(csv))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", matchesPattern(".*/api/imports/[0-9a-f-]{36}")))
        .andReturn().getResponse().getHeader("Location");
    return location.substring(location.indexOf("/api/imports/"));
  }

  /** Polls until the import is no longer RUNNING (at most {@code timeout}) and returns what it shows then. */
  static JsonNode awaitFinished(MockMvc mvc, ObjectMapper json, String location, String user, Duration timeout) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
      JsonNode progress = json.readTree(mvc.perform(get(location).with(httpBasic(user, "demo")))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
      assertThat(progress.get("processed").asInt()).isLessThanOrEqualTo(progress.get("rows").asInt());
      last.set(progress);
      return !"RUNNING".equals(progress.get("status").asText());
    });
    return last.get();
  }

  static JsonNode importAndWait(MockMvc mvc, ObjectMapper json, byte[] csv, String user, Duration timeout)
      throws Exception {
    return awaitFinished(mvc, json, post(mvc, csv, user), user, timeout);
  }
}

package io.disputeflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.complaint.Department;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The root-cause form offers exactly the managed taxonomy and the departments, with the same bilingual labels. */
class RootCauseTaxonomyTests {

  private final JsonNode form = read("processes/forms/record-root-cause.form");

  @Test
  void shouldOfferTheTaxonomyOfTheIssueWithBilingualLabels() {
    assertThat(options("rootCause")).containsExactlyElementsOf(
        Arrays.stream(RootCause.values()).map(cause -> cause.name() + "=" + cause.label()).toList());
    assertThat(RootCause.values()).extracting(Enum::name).containsExactly("PRODUCT_DESIGN", "DISCLOSURE_MIS_SELLING",
        "PROCESS_ERROR", "SYSTEM_FAULT", "STAFF_CONDUCT", "THIRD_PARTY_FRAUD", "CUSTOMER_MISUNDERSTANDING", "OTHER");
    assertThat(RootCause.values()).allSatisfy(cause -> assertThat(cause.label()).matches("[ -~]+ / \\P{ASCII}.*"));
  }

  @Test
  void shouldOfferEveryDepartmentAsOwner() {
    assertThat(options("rootCauseDepartment")).containsExactlyElementsOf(
        Arrays.stream(Department.values()).map(d -> d.groupId() + "=" + d.label()).toList());
  }

  private List<String> options(String key) {
    List<String> options = new ArrayList<>();
    for (JsonNode component : form.get("components")) {
      if (key.equals(component.path("key").asText())) {
        component.get("values").forEach(v -> options.add(v.get("value").asText() + "=" + v.get("label").asText()));
      }
    }
    return options;
  }

  private static JsonNode read(String path) {
    try {
      return new ObjectMapper().readTree(Path.of(path).toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

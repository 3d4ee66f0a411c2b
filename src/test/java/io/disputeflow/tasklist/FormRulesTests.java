package io.disputeflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules read from the shipped forms (processes/forms), as a completion is checked against them. */
class FormRulesTests {

  @Test
  void shouldRefuseARootCauseOutsideTheTaxonomyAndAMissingDepartment() throws IOException {
    FormRules form = read("record-root-cause");

    assertThat(field(form, "rootCause").problem("PROCESS_ERROR")).isNull();
    assertThat(field(form, "rootCause").problem("BAD_LUCK")).startsWith("'BAD_LUCK' is not one of [PRODUCT_DESIGN");
    assertThat(field(form, "rootCauseDepartment").problem(null)).isEqualTo("is required");
    assertThat(field(form, "rootCauseDepartment").problem(" ")).isEqualTo("is required");
    assertThat(field(form, "systemicCause").problem(null)).isNull();
    assertThat(field(form, "rootCauseNotes").problem("x".repeat(4001))).isEqualTo("is longer than 4000 characters");
  }

  @Test
  void shouldCheckEachDepartmentOfAChecklistAndTheRangeOfANumber() throws IOException {
    FormRules investigation = read("investigate-complaint");
    assertThat(field(investigation, "departments").problem(json("[\"dept-cards\", \"dept-digital\"]"))).isNull();
    assertThat(field(investigation, "departments").problem(json("[\"dept-cards\", \"dept-canteen\"]")))
        .startsWith("'dept-canteen' is not one of");
    assertThat(field(investigation, "departments").problem(json("[]"))).isEqualTo("is required");
    assertThat(field(investigation, "departments").problem(List.of("dept-loans"))).isNull();

    FormRules proposal = read("propose-resolution");
    assertThat(field(proposal, "compensationAmount").problem(0.0)).isNull();
    assertThat(field(proposal, "compensationAmount").problem(-100.0)).isEqualTo("must be from 0 to 10000000");
  }

  @Test
  void shouldTakeABooleanChoiceAndLeaveAFieldShownOnlyUnderAConditionToTheForm() throws IOException {
    FormRules approval = read("approve-compensation");
    assertThat(field(approval, "compensationApproved").problem(false)).isNull();
    assertThat(field(approval, "compensationApproved").problem(null)).isEqualTo("is required");

    // the revised amount is asked only when the head revises the decision
    assertThat(read("decide-reverification").fields()).extracting(FormRules.Field::key)
        .contains("reverificationOutcome").doesNotContain("revisedCompensationAmount");
  }

  private static FormRules read(String form) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("processes/forms", form + ".form"))) {
      return FormRules.read(in);
    }
  }

  private static FormRules.Field field(FormRules form, String key) {
    return form.fields().stream().filter(field -> field.key().equals(key)).findFirst().orElseThrow();
  }

  /** A checklist's value as the engine hands it over: a JSON variable's tree. */
  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }
}

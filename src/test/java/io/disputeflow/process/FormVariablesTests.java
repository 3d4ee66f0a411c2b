package io.disputeflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The variables a form reads, as a stage is passed them (processes/forms). */
class FormVariablesTests {

  @Test
  void shouldReadTheFieldsAndWhatTheTextsAndConditionsNameOfTheInvestigationForm() throws IOException {
    try (InputStream form = Files.newInputStream(Path.of("processes/forms/investigate-complaint.form"))) {
      FormVariables read = FormVariables.read(form);

      assertThat(read.formId()).isEqualTo("investigate-complaint");
      // its fields, the complaint its texts show, and what its conditions test
      assertThat(read.names()).contains("investigationFindings", "departments", "summaryResolution", "decision",
          "legalNeeded", "narrative", "complaintNumber", "disputedAmount", "summaryResolutionUntilText")
          // not FEEL's words and functions, the texts' words or the properties after a dot
          .doesNotContain("if", "then", "null", "true", "replace", "string", "Narrative");
    }
  }

  @Test
  void shouldLeaveOutStringLiteralsAndFunctionNames() {
    FormVariables read = FormVariables.read(new java.io.ByteArrayInputStream("""
        {"id": "f", "type": "default", "components": [
          {"type": "text", "text": "{{if substring(regime, 1, 2) = \\"UK\\" then customer.name else issue}}"},
          {"type": "checkbox", "key": "agreed", "conditional": {"hide": "=not(shown) or count(list) > 2"}}]}"""
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(read.names()).containsExactlyInAnyOrder("regime", "customer", "issue", "agreed", "shown", "list");
  }
}

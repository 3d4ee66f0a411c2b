package io.disputeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineCsvTests {

  @Test
  void shouldNeutraliseCellsASpreadsheetWouldRunAsFormulas() {
    assertThat(TimelineCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(TimelineCsv.cell("+1")).isEqualTo("'+1");
    assertThat(TimelineCsv.cell("-1")).isEqualTo("'-1");
    assertThat(TimelineCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(TimelineCsv.cell("\tx")).isEqualTo("'\tx");
  }

  @Test
  void shouldQuoteCellsWithSeparatorsQuotesAndLineBreaks() {
    assertThat(TimelineCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(TimelineCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(TimelineCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(TimelineCsv.cell("王秀英")).isEqualTo("王秀英");
    assertThat(Csv.parse("a,\"b,\"\"c\"\"\nd\"\r\n")).containsExactly(java.util.List.of("a", "b,\"c\"\nd"));
  }
}

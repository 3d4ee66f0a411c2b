package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

  @Test
  void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() {
    List<CsvReader.Row> rows = read("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\"line one\nline two\r\n\nline four\"\r\n2,,\r\n");

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).fields()).containsExactly("a", "b", "c");
    assertThat(rows.get(1).fields()).containsExactly("1", "x, \"y\"", "line one\nline two\r\n\nline four");
    assertThat(rows.get(1).line()).isEqualTo(2);
    assertThat(rows.get(2).fields()).containsExactly("2", "", "");
    assertThat(rows.get(2).line()).isEqualTo(6);
  }

  @Test
  void shouldAcceptLineFeedsBlankLinesAndAMissingFinalLineBreak() {
    List<CsvReader.Row> rows = read("a,b\n\n1,2\n3,4");

    assertThat(rows).extracting(CsvReader.Row::fields)
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 3L, 4L);
  }

  @Test
  void shouldRefuseAQuoteThatIsNeverClosed() {
    CsvReader reader = new CsvReader(new StringReader("a,b\n1,\"open\n2,3\n"));
    reader.next();

    assertThatThrownBy(reader::next).isInstanceOf(CsvReader.MalformedCsvException.class)
        .hasMessage("line 2: a quoted field is not closed");
  }

  private static List<CsvReader.Row> read(String csv) {
    CsvReader reader = new CsvReader(new StringReader(csv));
    List<CsvReader.Row> rows = new ArrayList<>();
    CsvReader.Row row;
    while ((row = reader.next()) != null) {
      rows.add(row);
    }
    return rows;
  }
}

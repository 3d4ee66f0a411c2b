package io.disputeflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;

/**
 * The timeline as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs read
 * Chinese text correctly): one row per entry, the same fields as the JSON, details as JSON text.
 * A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
 * apostrophe.
 */
final class TimelineCsv {

  static final String BOM = "\uFEFF";
  static final List<String> HEADER = List.of("seq", "time", "type", "actor", "processKey", "processVersion",
      "processInstanceId", "elementId", "elementName", "details", "hash");
  private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

  private TimelineCsv() {}

  static String write(Timeline timeline, ObjectMapper json) {
    StringBuilder csv = new StringBuilder(BOM);
    row(csv, HEADER);
    for (TimelineEntry entry : timeline.entries()) {
      row(csv, List.of(
          Integer.toString(entry.seq()),
          entry.time(),
          entry.type().name(),
          text(entry.actor()),
          text(entry.processKey()),
          entry.processVersion() == null ? "" : entry.processVersion().toString(),
          text(entry.processInstanceId()),
          text(entry.elementId()),
          text(entry.elementName()),
          details(entry, json),
          entry.hash()));
    }
    return csv.toString();
  }

  private static String details(TimelineEntry entry, ObjectMapper json) {
    try {
      return json.writeValueAsString(entry.details());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Details of entry " + entry.seq() + " are not JSON", e);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    String safe = !value.isEmpty() && FORMULA_STARTS.contains(value.charAt(0)) ? "'" + value : value;
    if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}

package io.disputeflow.insight;

import io.disputeflow.insight.RegulatoryReturn.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A regulatory return as CSV (RFC 4180): one line per line of the return, one column per figure and currency. */
final class RegulatoryReturnCsv {

  private RegulatoryReturnCsv() {}

  static String of(RegulatoryReturn report) {
    TreeSet<String> currencies = new TreeSet<>();
    report.lines().forEach(line -> currencies.addAll(line.redressPaidAmounts().keySet()));
    List<String> header = new ArrayList<>(List.of("regime", "period", "section", "group", "label"));
    header.addAll(report.figureNames());
    currencies.forEach(currency -> header.add("redressPaidAmount" + currency));
    StringBuilder csv = new StringBuilder(line(header));
    for (Line line : report.lines()) {
      List<Object> values = new ArrayList<>(List.of(report.regime(), report.period(), line.section(), line.group(),
          line.label()));
      report.figureNames().forEach(name -> values.add(line.figures().get(name)));
      currencies.forEach(currency -> values.add(line.redressPaidAmounts().getOrDefault(currency,
          java.math.BigDecimal.ZERO.setScale(2))));
      csv.append(line(values));
    }
    return csv.toString();
  }

  private static String line(List<?> values) {
    return values.stream().map(RegulatoryReturnCsv::field).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String field(Object value) {
    String text = value == null ? "" : value.toString();
    boolean quote = text.chars().anyMatch(ch -> ch == '"' || ch == ',' || ch == '\r' || ch == '\n');
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}

package io.disputeflow.insight;

import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.feedback.RootCause;
import io.disputeflow.insight.SummaryReport.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The summary report as CSV (RFC 4180): the total first, then one line per group, one column per root cause. */
final class SummaryReportCsv {

  private static final List<String> HEADER = Stream.concat(Stream.of("group", "label", "received", "inquiries",
          "decided", "upheld", "upheldRate", "dueByNow", "decidedOnTime", "onTimeRate", "medianDaysToDecision",
          "p90DaysToDecision", "extensionsUsed", "extendedComplaints", "reverificationsRequested",
          "reverificationRate", "reverificationOriginalUpheld", "reverificationRevised", "surveyed",
          "meanSatisfaction", "identifiedCustomers", "repeatComplaints", "repeatRate"),
      Stream.concat(Stream.of(RootCause.values()).map(cause -> "rootCause" + cause.name()), Stream.of("withdrawn",
          "redressOwed", "redressPaid", "redressPaidOnTime", "redressOnTimeRate")))
      .collect(Collectors.collectingAndThen(Collectors.toList(), header -> {
        header.add("externalReferrals");
        Stream.of(ExternalReferral.Body.values()).forEach(body -> header.add("referrals" + body.name()));
        Stream.of(ExternalReferral.Outcome.values()).forEach(outcome -> header.add("referralOutcome" + outcome.name()));
        header.addAll(List.of("reopenedComplaints", "reopenings"));
        return List.copyOf(header);
      }));

  private SummaryReportCsv() {}

  static String of(SummaryReport report) {
    StringBuilder csv = new StringBuilder(line(HEADER));
    csv.append(line(values(report.total())));
    report.groups().forEach(row -> csv.append(line(values(row))));
    return csv.toString();
  }

  private static List<Object> values(Figures f) {
    List<Object> values = new ArrayList<>(List.of(f.group(), f.label(), f.received(), f.inquiries(), f.decided(),
        f.upheld()));
    values.add(f.upheldRate());
    values.addAll(List.of(f.dueByNow(), f.decidedOnTime()));
    values.add(f.onTimeRate());
    values.add(f.medianDaysToDecision());
    values.add(f.p90DaysToDecision());
    values.addAll(List.of(f.extensionsUsed(), f.extendedComplaints(), f.reverificationsRequested()));
    values.add(f.reverificationRate());
    values.add(f.reverificationOutcomes().getOrDefault("ORIGINAL_UPHELD", 0L));
    values.add(f.reverificationOutcomes().getOrDefault("REVISED", 0L));
    values.add(f.surveyed());
    values.add(f.meanSatisfaction());
    values.addAll(List.of(f.identifiedCustomers(), f.repeatComplaints()));
    values.add(f.repeatRate());
    for (RootCause cause : RootCause.values()) {
      values.add(f.rootCauses().getOrDefault(cause.name(), 0L));
    }
    values.add(f.withdrawn());
    values.addAll(List.of(f.redressOwed(), f.redressPaid(), f.redressPaidOnTime()));
    values.add(f.redressOnTimeRate());
    values.add(f.externalReferrals());
    Stream.of(ExternalReferral.Body.values()).forEach(body -> values.add(f.referralsByBody().getOrDefault(body.name(), 0L)));
    Stream.of(ExternalReferral.Outcome.values())
        .forEach(outcome -> values.add(f.referralOutcomes().getOrDefault(outcome.name(), 0L)));
    values.addAll(List.of(f.reopenedComplaints(), f.reopenings()));
    return values;
  }

  private static String line(List<?> values) {
    return values.stream().map(SummaryReportCsv::field).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    boolean quote = text.chars().anyMatch(ch -> ch == '"' || ch == ',' || ch == '\r' || ch == '\n');
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}

package io.disputeflow.insight;

import io.disputeflow.insight.SummaryReport.Figures;
import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.time.BankTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/** The summary report of a period: whole days in the bank's zone, figures as of now. */
@Service
class ReportService {

  /** The default period: the last 30 days, today included. */
  static final int DEFAULT_DAYS = 30;

  private final ReportRepository reports;
  private final BankTime bankTime;
  private final ZoneId zone;

  ReportService(ReportRepository reports, BankTime bankTime) {
    this.reports = reports;
    this.bankTime = bankTime;
    this.zone = bankTime.zone();
  }

  SummaryReport summary(LocalDate from, LocalDate to, ReportGrouping groupBy) {
    LocalDate last = to != null ? to : bankTime.today();
    LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
    if (first.isAfter(last)) {
      throw new InvalidFieldException("from", "must not be after to");
    }
    OffsetDateTime asOf = bankTime.now();
    List<Figures> rows = reports.figures(groupBy, first, last, first.atStartOfDay(zone).toOffsetDateTime(),
        last.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), asOf);
    return new SummaryReport(first, last, groupBy, asOf, rows.get(0), rows.subList(1, rows.size()));
  }
}

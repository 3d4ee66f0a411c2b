package io.disputeflow.insight;

import io.disputeflow.refusal.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Figures for supervisors and the regulator, and the early warnings. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ReportService reports;
  private final EarlyWarnings earlyWarnings;
  private final OpenCaseRepository openCases;
  private final RegulatoryReturns returns;
  private final Clock clock;

  ReportController(ReportService reports, EarlyWarnings earlyWarnings, OpenCaseRepository openCases,
      RegulatoryReturns returns, Clock clock) {
    this.reports = reports;
    this.earlyWarnings = earlyWarnings;
    this.openCases = openCases;
    this.returns = returns;
    this.clock = clock;
  }

  /** A regime's return for a period (docs/reports.md): JSON, or CSV with format=csv. */
  @GetMapping("/regulatory-return")
  ResponseEntity<?> regulatoryReturn(@RequestParam(required = false) String regime,
      @RequestParam(required = false) String period, @RequestParam(defaultValue = "json") String format) {
    List<InvalidFieldException> faults = new ArrayList<>();
    boolean csv = false;
    try {
      csv = csv(format);
    } catch (InvalidFieldException fault) {
      faults.add(fault);
    }
    RegulatoryReturn report = returns.of(regime, period, faults);
    if (!csv) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
    String filename = "return-" + report.regime() + "-" + report.period() + ".csv";
    return ResponseEntity.ok().contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(RegulatoryReturnCsv.of(report));
  }

  /** The live board of the open cases, grouped by {@code groupBy} (default: the departments working them). */
  @GetMapping("/open-cases")
  OpenCaseBoard openCases(@RequestParam(defaultValue = "department") String groupBy) {
    return openCases.board(oneOf("groupBy", groupBy, ReportGrouping.values()), OffsetDateTime.now(clock));
  }

  @GetMapping("/summary")
  ResponseEntity<?> summary(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "category") String groupBy,
      @RequestParam(defaultValue = "json") String format) {
    ReportGrouping grouping = oneOf("groupBy", groupBy, ReportGrouping.values());
    boolean csv = csv(format);
    SummaryReport report = reports.summary(from, to, grouping);
    if (!csv) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
    String filename = "complaints-" + report.from() + "-" + report.to() + "-by-"
        + grouping.name().toLowerCase(Locale.ROOT) + ".csv";
    return ResponseEntity.ok().contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(SummaryReportCsv.of(report));
  }

  /** Alerts, newest first: {@code status} OPEN or RESOLVED, or all. */
  @GetMapping("/early-warnings")
  List<EarlyWarning> earlyWarnings(@RequestParam(required = false) String status) {
    if (status == null || status.isBlank()) {
      return earlyWarnings.list(null);
    }
    String normalised = status.toUpperCase(Locale.ROOT);
    if (!normalised.equals(EarlyWarning.OPEN) && !normalised.equals(EarlyWarning.RESOLVED)) {
      throw new InvalidFieldException("status", "must be OPEN or RESOLVED");
    }
    return earlyWarnings.list(normalised);
  }

  private static boolean csv(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> false;
      case "csv" -> true;
      default -> throw new InvalidFieldException("format", "must be json or csv");
    };
  }

  private static <E extends Enum<E>> E oneOf(String field, String value, E[] values) {
    return Arrays.stream(values).filter(v -> v.name().equalsIgnoreCase(value.trim())).findFirst()
        .orElseThrow(() -> new InvalidFieldException(field, "must be one of "
            + Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()));
  }
}

package io.disputeflow.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * GET /api/reports/regulatory-return: a regime's return for a period (whole days {@code from} to
 * {@code to} in the bank's zone), from the daily figures as of {@code asOf}. The first line is the total
 * ({@code section} TOTAL), then one line per group of each breakdown. {@code redressPaidAmounts}: the
 * compensation paid in the period by currency.
 */
record RegulatoryReturn(String regime, String period, LocalDate from, LocalDate to, OffsetDateTime asOf,
    List<String> figureNames, List<Line> lines) {

  record Line(String section, String group, String label, Map<String, Long> figures,
      Map<String, java.math.BigDecimal> redressPaidAmounts) {}
}

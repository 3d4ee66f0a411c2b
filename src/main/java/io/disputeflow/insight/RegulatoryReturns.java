package io.disputeflow.insight;

import io.disputeflow.figures.DailyFigures;
import io.disputeflow.figures.Dimension;
import io.disputeflow.figures.Measure;
import io.disputeflow.insight.RegulatoryReturn.Line;
import io.disputeflow.insight.ReturnRegime.Section;
import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.refusal.InvalidFieldsException;
import io.disputeflow.time.BankTime;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Builds a regulatory return from the daily figures' return measures of its complaint regimes. */
@Service
class RegulatoryReturns {

  private final DailyFigures daily;
  private final BankTime bankTime;

  RegulatoryReturns(DailyFigures daily, BankTime bankTime) {
    this.daily = daily;
    this.bankTime = bankTime;
  }

  /** Checks both parameters, naming each at fault (after the caller's own), then sums the period's figures. */
  RegulatoryReturn of(String regimeCode, String periodCode, List<InvalidFieldException> callersFaults) {
    List<InvalidFieldException> faults = new ArrayList<>(callersFaults);
    ReturnRegime regime = regimeCode == null || regimeCode.isBlank() ? null : ReturnRegime.of(regimeCode).orElse(null);
    if (regime == null) {
      faults.add(new InvalidFieldException("regime", "must be one of "
          + Arrays.stream(ReturnRegime.values()).map(r -> r.code).toList()));
    }
    ReturnPeriod period = null;
    if (periodCode == null || periodCode.isBlank()) {
      faults.add(new InvalidFieldException("period", "is required"));
    } else if (regime != null) {
      period = regime.period(periodCode).orElse(null);
      if (period == null) {
        faults.add(new InvalidFieldException("period", "must be " + regime.periods.stream()
            .map(kind -> kind.example).collect(Collectors.joining(" or ")) + " for " + regime.code));
      }
    } else if (Arrays.stream(ReturnPeriod.Kind.values()).allMatch(kind -> kind.parse(periodCode).isEmpty())) {
      faults.add(new InvalidFieldException("period", "must be a quarter like 2026-Q3, a half year like 2026-H2"
          + " or a month like 2026-07"));
    }
    if (!faults.isEmpty()) {
      throw faults.size() == 1 ? faults.get(0) : new InvalidFieldsException(faults);
    }
    List<Dimension> dimensions = Stream.concat(Stream.of(Dimension.RETURN_REGIME),
        regime.sections.stream().map(s -> s.dimension)).distinct().toList();
    var sums = daily.sum(dimensions, period.first(), period.last());
    List<Line> lines = new ArrayList<>();
    lines.add(line(regime, "TOTAL", Dimension.ALL, "Total / 合计",
        ofRegime(regime, sums.getOrDefault(Dimension.RETURN_REGIME, Map.of()), null)));
    for (Section section : regime.sections) {
      Map<String, Map<String, Long>> groups = ofRegime(regime, sums.getOrDefault(section.dimension, Map.of()),
          section);
      groups.forEach((group, measures) -> lines.add(line(regime, section.name(), group, section.label(group),
          Map.of(group, measures))));
    }
    OffsetDateTime asOf = bankTime.now();
    return new RegulatoryReturn(regime.code, period.code(), period.first(), period.last(), asOf,
        List.copyOf(regime.figures.keySet()), lines);
  }

  /**
   * The measures of the regime's complaint regimes, summed by group: groups "regime|value" (or "regime" in
   * RETURN_REGIME) whose regime the return counts, by the section's group of the value; sorted by group.
   */
  private static Map<String, Map<String, Long>> ofRegime(ReturnRegime regime, Map<String, Map<String, Long>> sums,
      Section section) {
    Map<String, Map<String, Long>> groups = new TreeMap<>();
    sums.forEach((group, measures) -> {
      int bar = group.indexOf(Dimension.SEPARATOR);
      String complaintRegime = bar < 0 ? group : group.substring(0, bar);
      if (regime.complaintRegimes.contains(complaintRegime)) {
        String key = section == null ? Dimension.ALL : section.groupOf(group.substring(bar + 1));
        Map<String, Long> sum = groups.computeIfAbsent(key, k -> new HashMap<>());
        measures.forEach((measure, amount) -> sum.merge(measure, amount, Long::sum));
      }
    });
    return groups;
  }

  private static Line line(ReturnRegime regime, String section, String group, String label,
      Map<String, Map<String, Long>> byGroup) {
    Map<String, Long> measures = byGroup.getOrDefault(group, Map.of());
    Map<String, Long> figures = new LinkedHashMap<>();
    regime.figures.forEach((name, figure) -> figures.put(name, figure.applyAsLong(measures)));
    Map<String, BigDecimal> amounts = new TreeMap<>();
    measures.forEach((measure, minor) -> {
      if (measure.startsWith(Measure.REDRESS_PAID_MINOR)) {
        amounts.put(measure.substring(Measure.REDRESS_PAID_MINOR.length()), BigDecimal.valueOf(minor, 2));
      }
    });
    return new Line(section, group, label, figures, amounts);
  }
}

package io.disputeflow.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A return's period: a quarter (2026-Q3), a half year (2026-H2) or a month (2026-07), whole days. */
record ReturnPeriod(String code, LocalDate first, LocalDate last) {

  enum Kind {
    QUARTER("a quarter like 2026-Q3", Pattern.compile("(\\d{4})-Q([1-4])")),
    HALF_YEAR("a half year like 2026-H2", Pattern.compile("(\\d{4})-H([12])")),
    MONTH("a month like 2026-07", Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])"));

    final String example;
    private final Pattern pattern;

    Kind(String example, Pattern pattern) {
      this.example = example;
      this.pattern = pattern;
    }

    Optional<ReturnPeriod> parse(String code) {
      Matcher m = pattern.matcher(code);
      if (!m.matches()) {
        return Optional.empty();
      }
      int year = Integer.parseInt(m.group(1));
      int n = Integer.parseInt(m.group(2));
      int months = switch (this) {
        case QUARTER -> 3;
        case HALF_YEAR -> 6;
        case MONTH -> 1;
      };
      YearMonth start = YearMonth.of(year, (n - 1) * months + 1);
      return Optional.of(new ReturnPeriod(code, start.atDay(1), start.plusMonths(months - 1).atEndOfMonth()));
    }
  }
}

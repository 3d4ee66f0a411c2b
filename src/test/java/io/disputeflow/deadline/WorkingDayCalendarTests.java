package io.disputeflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The working-day calendar of internal deadlines, with the shipped 2026 holiday list. */
class WorkingDayCalendarTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final WorkingDayCalendar calendar = new WorkingDayCalendar(new JurisdictionCalendar("CN", SHANGHAI,
      List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-03"),
          LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05"),
          LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07"), LocalDate.parse("2027-01-01")),
      List.of(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-10-10")), true), Clock.systemUTC());

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      // an ordinary week: Monday + 3 = Thursday, same time of day
      "2026-03-02T10:00+08:00[Asia/Shanghai], 3, 2026-03-05T10:00+08:00[Asia/Shanghai]",
      // Friday afternoon + 1 skips the weekend
      "2026-03-06T16:30+08:00[Asia/Shanghai], 1, 2026-03-09T16:30+08:00[Asia/Shanghai]",
      // received on a Saturday: the count starts on Monday
      "2026-03-07T09:00+08:00[Asia/Shanghai], 1, 2026-03-09T09:00+08:00[Asia/Shanghai]",
      // National Day holidays skipped, the make-up Saturday 10 Oct counted
      "2026-09-29T10:00+08:00[Asia/Shanghai], 2, 2026-10-08T10:00+08:00[Asia/Shanghai]",
      "2026-09-29T10:00+08:00[Asia/Shanghai], 4, 2026-10-10T10:00+08:00[Asia/Shanghai]",
      // across the month end
      "2026-04-29T11:00+08:00[Asia/Shanghai], 3, 2026-05-04T11:00+08:00[Asia/Shanghai]",
      // across the year end and New Year holidays, with the make-up Sunday 4 Jan 2026
      "2025-12-31T10:00+08:00[Asia/Shanghai], 1, 2026-01-04T10:00+08:00[Asia/Shanghai]",
      "2026-12-31T10:00+08:00[Asia/Shanghai], 1, 2027-01-04T10:00+08:00[Asia/Shanghai]",
      // zero working days on a holiday rolls to the next working day
      "2026-10-03T08:00+08:00[Asia/Shanghai], 0, 2026-10-08T08:00+08:00[Asia/Shanghai]",
      // a time given in UTC counts in the bank's zone: 20:00 UTC Friday is already Saturday in Shanghai
      "2026-03-06T20:00Z[UTC], 1, 2026-03-09T04:00+08:00[Asia/Shanghai]"
  })
  void shouldAddWorkingDays(ZonedDateTime start, int days, ZonedDateTime expected) {
    assertThat(calendar.addWorkingDays(start, days)).isEqualTo(expected);
  }

  @Test
  void shouldKnowHolidaysWeekendsAndMakeUpDays() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-09"))).isTrue();
  }

  @Test
  void shouldRefusePolicyDurationsThatAreNotWholeDays() {
    ZonedDateTime start = ZonedDateTime.now(SHANGHAI);
    assertThat(calendar.addWorkingDays(start, "P5D")).isEqualTo(calendar.addWorkingDays(start, 5));
    assertThatThrownBy(() -> calendar.addWorkingDays(start, "PT36H")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.addWorkingDays(start, "P1M")).isInstanceOf(IllegalArgumentException.class);
  }
}

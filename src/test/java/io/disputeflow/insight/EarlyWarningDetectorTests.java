package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.disputeflow.insight.EarlyWarningDetector.Spike;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The detector on synthetic intake with known spikes and with weekday and time-of-day patterns that
 * are no spikes. Seeds are fixed, so every run sees the same series.
 */
class EarlyWarningDetectorTests {

  private static final EarlyWarningProperties HOURLY = new EarlyWarningProperties(Duration.ofHours(1), 4, 10,
      1e-5, 3, Duration.ofHours(4));
  private static final EarlyWarningProperties DAILY = HOURLY.withWindow(Duration.ofDays(1));

  /** A Monday, ten weeks before the checks start. */
  private static final LocalDate START = LocalDate.of(2030, 1, 7);

  @Test
  void shouldKeepFalseAlarmsRareOnHourlyIntakeWithWeekdayAndTimeOfDayPatterns() {
    // given ten series of 14 weeks of seasonal intake: busy weekday hours, a Monday surge twice the other
    // weekdays, quiet evenings, nights and weekends (five keys: three categories, two products)
    int alarmEpisodes = 0;
    int checks = 0;
    for (long seed = 1; seed <= 10; seed++) {
      SyntheticIntake intake = seasonalHourlyIntake(new Random(seed), 14);
      EarlyWarningDetector detector = new EarlyWarningDetector(intake, HOURLY);

      // when the detector checks every 15 minutes from week 5 on
      Set<String> alarming = new HashSet<>();
      for (OffsetDateTime now = at(START.plusWeeks(4)); now.isBefore(at(START.plusWeeks(14)));
          now = now.plusMinutes(15)) {
        Set<String> alarms = detector.detect(now).stream().map(s -> s.dimension() + ":" + s.value())
            .collect(Collectors.toSet());
        // an episode is one alert: consecutive checks of the same spike refresh it
        for (String key : alarms) {
          alarmEpisodes += alarming.contains(key) ? 0 : 1;
        }
        alarming = alarms;
        checks++;
      }
    }

    // then the patterns raise nothing; the pure chance of a Poisson hour far above its mean at most
    // twice in 10 x 10 weeks x 5 keys (a detector that took the weekly pattern for spikes alarms every week)
    assertThat(checks).isEqualTo(10 * 10 * 7 * 24 * 4);
    assertThat(alarmEpisodes).isLessThanOrEqualTo(2);
  }

  @Test
  void shouldAlertWithinMinutesWhenAnOutageProducesFiftyFailedTransfersInAnHour() {
    for (long seed = 1; seed <= 10; seed++) {
      // given seasonal intake (about 3 failed transfers an hour on a weekday morning), then an outage:
      // 50 failed-transfer complaints on online banking within an hour from 10:00 on a Wednesday
      SyntheticIntake intake = seasonalHourlyIntake(new Random(seed), 6);
      OffsetDateTime outage = at(START.plusWeeks(5).plusDays(2)).plusHours(10);
      for (int i = 0; i < 50; i++) {
        intake.add(outage.toInstant().plusSeconds(i * 72L), "TRANSACTION_FAILURE", "ONLINE_BANKING");
      }
      EarlyWarningDetector detector = new EarlyWarningDetector(intake, HOURLY);

      // when the detector checks every five minutes
      OffsetDateTime firstAlert = null;
      List<Spike> spikes = List.of();
      for (OffsetDateTime now = outage; firstAlert == null && now.isBefore(outage.plusHours(1));
          now = now.plusMinutes(5)) {
        spikes = detector.detect(now);
        firstAlert = spikes.isEmpty() ? null : now;
      }

      // then the category and the product alert within 25 minutes of the first complaint (the 21st
      // complaint of the outage at the latest; never fewer than min-count 10)
      assertThat(firstAlert).as("alert with seed %d", seed).isNotNull();
      assertThat(Duration.between(outage, firstAlert)).isLessThanOrEqualTo(Duration.ofMinutes(25));
      assertThat(spikes).extracting(s -> s.dimension() + ":" + s.value())
          .containsExactlyInAnyOrder("CATEGORY:TRANSACTION_FAILURE", "PRODUCT:ONLINE_BANKING");
      assertThat(spikes.get(0).assessment().pValue()).isLessThan(1e-5);
    }
  }

  @Test
  void shouldRaiseNoAlarmOnDailyIntakeWithAWeeklyPattern() {
    // given 30 weeks of daily intake: Mondays 80, other weekdays 40, weekends 8 (Poisson)
    SyntheticIntake intake = weeklyDailyIntake(new Random(11), 30);
    EarlyWarningDetector detector = new EarlyWarningDetector(intake, DAILY);

    // when the detector replays the series day by day from week 5
    List<Spike> alarms = new ArrayList<>();
    for (LocalDate day = START.plusWeeks(4); day.isBefore(START.plusWeeks(30)); day = day.plusDays(1)) {
      alarms.addAll(detector.detect(at(day.plusDays(1))));
    }

    // then the Monday peaks and the quiet weekends are no alarms
    assertThat(alarms).isEmpty();
  }

  @Test
  void shouldDetectDailySpikesAgainstTheirOwnWeekday() {
    // given the weekly pattern, a Wednesday with 120 instead of 40, and a Saturday with 40 instead of 8
    SyntheticIntake intake = weeklyDailyIntake(new Random(13), 8);
    LocalDate wednesday = START.plusWeeks(6).plusDays(2);
    LocalDate saturday = START.plusWeeks(7).plusDays(5);
    addDay(intake, wednesday, 80);
    addDay(intake, saturday, 32);
    EarlyWarningDetector detector = new EarlyWarningDetector(intake, DAILY);

    // when the detector checks each day at midnight
    List<LocalDate> alarmDays = new ArrayList<>();
    for (LocalDate day = START.plusWeeks(4); day.isBefore(START.plusWeeks(8)); day = day.plusDays(1)) {
      if (!detector.detect(at(day.plusDays(1))).isEmpty()) {
        alarmDays.add(day);
      }
    }

    // then exactly those two days alarm: 40 on a Saturday is a spike though every weekday sees as many
    assertThat(alarmDays).containsExactly(wednesday, saturday);
  }

  @Test
  void shouldNeedHistoryBeforeItJudges() {
    // given a first day of intake with many complaints and no earlier weeks
    SyntheticIntake intake = new SyntheticIntake();
    addDay(intake, START, 40);

    // then there is nothing to compare with, so no alarm
    assertThat(new EarlyWarningDetector(intake, DAILY).detect(at(START.plusDays(1)))).isEmpty();
  }

  @Test
  void shouldComputeBinomialTails() {
    assertThat(SpikeTest.binomialUpperTail(0, 10, 0.2)).isEqualTo(1.0);
    assertThat(SpikeTest.binomialUpperTail(11, 10, 0.2)).isEqualTo(0.0);
    // P(X >= 1) = 1 - 0.8^10
    assertThat(SpikeTest.binomialUpperTail(1, 10, 0.2)).isCloseTo(1 - Math.pow(0.8, 10), within(1e-12));
    // P(X >= 9) = 10 * 0.2^9 * 0.8 + 0.2^10
    assertThat(SpikeTest.binomialUpperTail(9, 10, 0.2)).isCloseTo(10 * Math.pow(0.2, 9) * 0.8 + Math.pow(0.2, 10),
        within(1e-18));
    // 50 complaints where four quiet weeks saw 6: far beyond chance
    assertThat(SpikeTest.binomialUpperTail(50, 56, 0.2)).isGreaterThan(0).isLessThan(1e-25);
  }

  /** Per hour: 3 failed transfers and 5 billing disputes in weekday office hours, Mondays double, evenings a third, nights and weekends little. */
  private static SyntheticIntake seasonalHourlyIntake(Random random, int weeks) {
    SyntheticIntake intake = new SyntheticIntake();
    for (int day = 0; day < weeks * 7; day++) {
      LocalDate date = START.plusDays(day);
      boolean weekend = date.getDayOfWeek().getValue() >= 6;
      double dayFactor = weekend ? 0.3 : date.getDayOfWeek() == DayOfWeek.MONDAY ? 2 : 1;
      for (int hour = 0; hour < 24; hour++) {
        double hourFactor = hour >= 9 && hour < 18 ? 1 : hour >= 7 && hour < 22 ? 0.35 : 0.05;
        Instant from = at(date).plusHours(hour).toInstant();
        intake.addPoisson(random, from, 3600, 3 * dayFactor * hourFactor, "TRANSACTION_FAILURE", "ONLINE_BANKING");
        intake.addPoisson(random, from, 3600, 5 * dayFactor * hourFactor, "BILLING_DISPUTE", "CREDIT_CARD");
        intake.addPoisson(random, from, 3600, 0.4 * dayFactor * hourFactor, "FRAUD", "CREDIT_CARD");
      }
    }
    return intake;
  }

  private static SyntheticIntake weeklyDailyIntake(Random random, int weeks) {
    SyntheticIntake intake = new SyntheticIntake();
    for (int day = 0; day < weeks * 7; day++) {
      LocalDate date = START.plusDays(day);
      double rate = switch (date.getDayOfWeek()) {
        case MONDAY -> 80;
        case SATURDAY, SUNDAY -> 8;
        default -> 40;
      };
      intake.addPoisson(random, at(date).toInstant(), 86_400, rate, "BILLING_DISPUTE", "CREDIT_CARD");
    }
    return intake;
  }

  private static void addDay(SyntheticIntake intake, LocalDate day, int count) {
    for (int i = 0; i < count; i++) {
      intake.add(at(day).toInstant().plusSeconds(i * 60L), "BILLING_DISPUTE", "CREDIT_CARD");
    }
  }

  private static OffsetDateTime at(LocalDate date) {
    return date.atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}

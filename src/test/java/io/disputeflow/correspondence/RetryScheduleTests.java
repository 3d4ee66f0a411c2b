package io.disputeflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

  @Test
  void shouldReadARepeatAsAttemptsAnIntervalApart() {
    RetrySchedule schedule = RetrySchedule.parse("R5/PT1M");

    assertThat(schedule.maxAttempts()).isEqualTo(5);
    assertThat(schedule.delayAfter(1)).contains(Duration.ofMinutes(1));
    assertThat(schedule.delayAfter(4)).contains(Duration.ofMinutes(1));
    assertThat(schedule.delayAfter(5)).isEmpty();
  }

  @Test
  void shouldReadAListAsTheIntervalsBetweenAttempts() {
    RetrySchedule schedule = RetrySchedule.parse("PT1M, PT10M,PT1H");

    assertThat(schedule.maxAttempts()).isEqualTo(4);
    assertThat(schedule.delayAfter(1)).contains(Duration.ofMinutes(1));
    assertThat(schedule.delayAfter(2)).contains(Duration.ofMinutes(10));
    assertThat(schedule.delayAfter(3)).contains(Duration.ofHours(1));
    assertThat(schedule.delayAfter(4)).isEmpty();
  }

  @Test
  void shouldAllowASingleAttempt() {
    assertThat(RetrySchedule.parse("R1/PT1M").delayAfter(1)).isEmpty();
  }

  @Test
  void shouldRefuseWhatIsNotASchedule() {
    assertThatThrownBy(() -> RetrySchedule.parse("five times")).hasMessageContaining("five times");
    assertThatThrownBy(() -> RetrySchedule.parse("R0/PT1M")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetrySchedule.parse("R3/PT0S")).isInstanceOf(IllegalArgumentException.class);
  }
}

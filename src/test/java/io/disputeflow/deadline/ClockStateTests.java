package io.disputeflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockStateTests {

  private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");

  @Test
  void shouldTellARunningClockByItsDueAndWarningTimes() {
    assertThat(ClockState.running(NOW.plusSeconds(3600), NOW.plusSeconds(60), NOW)).isEqualTo(ClockState.ON_TRACK);
    assertThat(ClockState.running(NOW.plusSeconds(3600), NOW, NOW)).isEqualTo(ClockState.WARNING);
    assertThat(ClockState.running(NOW, NOW.minusSeconds(60), NOW)).isEqualTo(ClockState.OVERDUE);
  }

  @Test
  void shouldLeaveTheBreachToTheTimerBeforeItFired() {
    assertThat(ClockState.beforeDue(NOW.minusSeconds(60), NOW)).isEqualTo(ClockState.WARNING);
    assertThat(ClockState.beforeDue(NOW.plusSeconds(60), NOW)).isEqualTo(ClockState.ON_TRACK);
    assertThat(ClockState.beforeDue(null, NOW)).isEqualTo(ClockState.ON_TRACK);
  }
}

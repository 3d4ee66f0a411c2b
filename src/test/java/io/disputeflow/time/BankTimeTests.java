package io.disputeflow.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BankTimeTests {

  private final BankTime shanghai = BankTime.of(ZoneId.of("Asia/Shanghai"));

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldReadNowAndTodayFromTheEngineClockInTheBanksZone() {
    // given: 23:30 UTC is already the next day in Shanghai
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2026, 3, 31, 23, 30, 0, 0, ZoneOffset.UTC).toInstant()));

    // then
    assertThat(shanghai.now()).isEqualTo(OffsetDateTime.of(2026, 4, 1, 7, 30, 0, 0, ZoneOffset.ofHours(8)));
    assertThat(shanghai.today()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(shanghai.clock().getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void shouldWriteATimestampInTheBanksZoneAndLeaveNullAlone() {
    OffsetDateTime utc = OffsetDateTime.of(2026, 3, 31, 23, 30, 0, 0, ZoneOffset.UTC);

    assertThat(shanghai.inZone(utc)).isEqualTo(OffsetDateTime.of(2026, 4, 1, 7, 30, 0, 0, ZoneOffset.ofHours(8)));
    assertThat(shanghai.inZone(utc).toInstant()).isEqualTo(utc.toInstant());
    assertThat(shanghai.inZone(null)).isNull();
  }
}

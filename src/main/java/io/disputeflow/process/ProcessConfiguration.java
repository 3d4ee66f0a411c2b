package io.disputeflow.process;

import io.disputeflow.engine.EngineClock;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProcessConfiguration {

  @Bean
  Clock clock(@Value("${disputeflow.zone}") ZoneId zone) {
    return new EngineClock(zone);
  }
}

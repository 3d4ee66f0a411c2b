package io.disputeflow.process;

import io.disputeflow.time.BankTime;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProcessConfiguration {

  /** The engine's clock in the bank's zone, for code that takes a plain Clock. */
  @Bean
  Clock clock(BankTime time) {
    return time.clock();
  }
}

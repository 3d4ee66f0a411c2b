package io.disputeflow.insight;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a root cause starts a policy improvement (溯源整改) and when its fix is verified.
 *
 * @param verifyAfter time between the fix and the check that it worked
 * @param repeatThreshold closed complaints with the same root cause and department that start one
 * @param repeatWindow the period in which they must close
 */
@Validated
@ConfigurationProperties("disputeflow.policy-improvement")
record PolicyImprovementProperties(
    @DefaultValue("P90D") Duration verifyAfter,
    @DefaultValue("3") @jakarta.validation.constraints.Min(1) int repeatThreshold,
    @DefaultValue("P30D") Duration repeatWindow) {

  /** The timer's ISO-8601 duration, in days when whole ("P90D" rather than "PT2160H"). */
  String verifyAfterIso() {
    return verifyAfter.toSeconds() % 86_400 == 0 ? "P" + verifyAfter.toDays() + "D" : verifyAfter.toString();
  }
}

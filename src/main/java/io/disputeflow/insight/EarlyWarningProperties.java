package io.disputeflow.insight;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The intake spike detector (智能预警). At every check (see {@link EarlyWarningSchedule}) it counts
 * each category's and each product's complaints received in the last {@code window} and compares the
 * count with the same window at the same time of week in the previous {@code baselineWeeks} weeks (so
 * weekday and time-of-day patterns are the baseline, not alarms).
 *
 * @param window length of the window counted
 * @param baselineWeeks same-time-of-week windows the expectation is taken from
 * @param minCount fewer complaints than this never alert, however unusual
 * @param maxPValue a count alerts only when its p-value against the baseline is below this (see {@link SpikeTest})
 * @param minZ ... and when it exceeds the baseline mean by this many standard deviations (the baseline's own
 *     spread or the Poisson one, whichever is larger), so a noisy baseline needs a larger spike
 * @param respondWithin the supervisor's review of an alert is due this long after it is raised
 */
@Validated
@ConfigurationProperties("disputeflow.early-warning")
record EarlyWarningProperties(
    @DefaultValue("PT1H") Duration window,
    @DefaultValue("4") @Min(1) int baselineWeeks,
    @DefaultValue("10") @Min(1) int minCount,
    @DefaultValue("0.00001") @Positive @DecimalMax("0.5") double maxPValue,
    @DefaultValue("3") @Positive double minZ,
    @DefaultValue("PT4H") Duration respondWithin) {

  EarlyWarningProperties withWindow(Duration newWindow) {
    return new EarlyWarningProperties(newWindow, baselineWeeks, minCount, maxPValue, minZ, respondWithin);
  }
}

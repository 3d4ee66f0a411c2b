package io.disputeflow.correspondence;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to try a letter again, in Camunda's retry notation: {@code R5/PT1M} is five attempts one
 * minute apart; {@code PT1M,PT10M,PT1H} is an attempt and then one more after each interval (four
 * attempts in all, backing off).
 */
record RetrySchedule(List<Duration> intervals) {

  private static final Pattern REPEAT = Pattern.compile("R(\\d+)/(P.+)");

  RetrySchedule {
    if (intervals.stream().anyMatch(interval -> interval.isNegative() || interval.isZero())) {
      throw new IllegalArgumentException("Retry intervals must be positive: " + intervals);
    }
    intervals = List.copyOf(intervals);
  }

  static RetrySchedule parse(String text) {
    try {
      Matcher repeat = REPEAT.matcher(text.strip());
      if (repeat.matches()) {
        int attempts = Integer.parseInt(repeat.group(1));
        if (attempts < 1) {
          throw new IllegalArgumentException("needs at least one attempt");
        }
        return new RetrySchedule(Collections.nCopies(attempts - 1, Duration.parse(repeat.group(2))));
      }
      return new RetrySchedule(Arrays.stream(text.split(",")).map(String::strip).map(Duration::parse).toList());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a retry schedule like R5/PT1M or PT1M,PT10M,PT1H: " + text, e);
    }
  }

  int maxAttempts() {
    return intervals.size() + 1;
  }

  /** How long to wait after the given failed attempt (1 = the first), or empty when it was the last. */
  Optional<Duration> delayAfter(int attempt) {
    return attempt < maxAttempts() ? Optional.of(intervals.get(attempt - 1)) : Optional.empty();
  }
}

package io.disputeflow.insight;

import java.util.Arrays;

/**
 * Is a window's count a spike against its baseline? Two conditions, both needed: the Poisson tail
 * P(X ≥ observed) at the baseline mean is below {@code maxPValue} (right for small counts), and the
 * count exceeds the mean by {@code minZ} standard deviations of the baseline (robust when real
 * intake varies more than a Poisson count would). Counts below {@code minCount} never alert.
 */
final class SpikeTest {

  record Assessment(int observed, double expected, double pValue, boolean significant) {}

  private SpikeTest() {}

  static Assessment assess(int observed, int[] baseline, EarlyWarningProperties p) {
    double mean = Arrays.stream(baseline).average().orElse(0);
    double expected = Math.max(mean, p.minExpected());
    double spread = Math.max(Math.sqrt(expected), sampleStandardDeviation(baseline, mean));
    double pValue = poissonUpperTail(observed, expected);
    boolean significant = observed >= p.minCount() && pValue < p.maxPValue()
        && observed > mean + p.minZ() * spread;
    return new Assessment(observed, expected, pValue, significant);
  }

  /** P(X ≥ k) for X ~ Poisson(λ), summed from k upwards so that tiny tails keep their precision. */
  static double poissonUpperTail(int k, double lambda) {
    if (k <= 0) {
      return 1.0;
    }
    double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
    double term = Math.exp(logTerm);
    double sum = 0;
    for (int i = k; i < k + 10_000; i++) {
      sum += term;
      term *= lambda / (i + 1);
      if (term == 0 || term < sum * 1e-17) {
        break;
      }
    }
    return Math.min(1.0, sum);
  }

  private static double logFactorial(int n) {
    double sum = 0;
    for (int i = 2; i <= n; i++) {
      sum += Math.log(i);
    }
    return sum;
  }

  private static double sampleStandardDeviation(int[] values, double mean) {
    if (values.length < 2) {
      return 0;
    }
    double squares = Arrays.stream(values).mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.length - 1));
  }
}

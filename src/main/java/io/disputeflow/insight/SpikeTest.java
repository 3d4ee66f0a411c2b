package io.disputeflow.insight;

import java.util.Arrays;

/**
 * Is a window's count a spike against the same window in the baseline weeks? The exact conditional
 * test for two Poisson rates: if the window had the baseline's rate, then of the T complaints in the
 * window and the n baseline windows together each fell in the window with probability 1/(n+1), so
 * P(Binomial(T, 1/(n+1)) ≥ observed) is the p-value. It allows for the baseline being a sample too —
 * a baseline that happened to be low does not make an ordinary window look extraordinary. As a guard
 * against intake that varies more than Poisson counts, the count must also exceed the baseline mean by
 * {@code minZ} of the baseline's standard deviations (or √mean, whichever is larger), and counts below
 * {@code minCount} never alert.
 */
final class SpikeTest {

  record Assessment(int observed, double expected, double pValue, boolean significant) {}

  private SpikeTest() {}

  static Assessment assess(int observed, int[] baseline, EarlyWarningProperties p) {
    double mean = Arrays.stream(baseline).average().orElse(0);
    double spread = Math.max(Math.sqrt(mean), sampleStandardDeviation(baseline, mean));
    int total = observed + Arrays.stream(baseline).sum();
    double pValue = binomialUpperTail(observed, total, 1.0 / (baseline.length + 1));
    boolean significant = observed >= p.minCount() && pValue < p.maxPValue() && observed > mean + p.minZ() * spread;
    return new Assessment(observed, mean, pValue, significant);
  }

  /** P(X ≥ k) for X ~ Binomial(n, q), summed in log space from k upwards so that tiny tails keep their precision. */
  static double binomialUpperTail(int k, int n, double q) {
    if (k <= 0) {
      return 1.0;
    }
    if (k > n) {
      return 0.0;
    }
    double logQ = Math.log(q);
    double logNotQ = Math.log1p(-q);
    double logTerm = logChoose(n, k) + k * logQ + (n - k) * logNotQ;
    double sum = 0;
    for (int i = k; i <= n; i++) {
      double term = Math.exp(logTerm);
      sum += term;
      if (term == 0 && i > n * q || term < sum * 1e-17) {
        break;
      }
      // C(n, i+1) / C(n, i) = (n - i) / (i + 1)
      logTerm += Math.log((double) (n - i) / (i + 1)) + logQ - logNotQ;
    }
    return Math.min(1.0, sum);
  }

  private static double logChoose(int n, int k) {
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
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

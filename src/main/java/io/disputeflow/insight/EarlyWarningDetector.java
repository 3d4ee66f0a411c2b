package io.disputeflow.insight;

import io.disputeflow.insight.IntakeCounts.Window;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the categories and products whose intake in the window ending now is a spike against the
 * same window at the same time of week in the previous weeks (see {@link SpikeTest}). Baseline weeks
 * before the first complaint on record are left out: unknown is not zero.
 */
class EarlyWarningDetector {

  private static final Duration WEEK = Duration.ofDays(7);

  record Spike(IntakeDimension dimension, String value, Window window, SpikeTest.Assessment assessment) {}

  private final IntakeCounts intake;
  private final EarlyWarningProperties properties;

  EarlyWarningDetector(IntakeCounts intake, EarlyWarningProperties properties) {
    this.intake = intake;
    this.properties = properties;
  }

  List<Spike> detect(OffsetDateTime now) {
    Optional<OffsetDateTime> historyStart = intake.firstReceivedAt();
    if (historyStart.isEmpty()) {
      return List.of();
    }
    List<Window> windows = new ArrayList<>();
    for (int week = 0; week <= properties.baselineWeeks(); week++) {
      OffsetDateTime end = now.minus(WEEK.multipliedBy(week));
      Window window = new Window(end.minus(properties.window()), end);
      if (week > 0 && window.start().isBefore(historyStart.get())) {
        break;
      }
      windows.add(window);
    }
    if (windows.size() < 2) {
      return List.of();
    }
    List<Spike> spikes = new ArrayList<>();
    for (IntakeDimension dimension : IntakeDimension.values()) {
      for (Map.Entry<String, int[]> counts : intake.countsByWindow(dimension, windows).entrySet()) {
        int[] perWindow = counts.getValue();
        var assessment = SpikeTest.assess(perWindow[0], Arrays.copyOfRange(perWindow, 1, perWindow.length),
            properties);
        if (assessment.significant()) {
          spikes.add(new Spike(dimension, counts.getKey(), windows.get(0), assessment));
        }
      }
    }
    return spikes;
  }
}

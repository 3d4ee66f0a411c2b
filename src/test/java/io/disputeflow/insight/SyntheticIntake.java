package io.disputeflow.insight;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Complaint receipt times held in memory, counted as the detector's database query would. */
final class SyntheticIntake implements IntakeCounts {

  private final Map<IntakeDimension, Map<String, List<Long>>> events = new EnumMap<>(IntakeDimension.class);
  private final Map<IntakeDimension, Map<String, long[]>> sorted = new EnumMap<>(IntakeDimension.class);
  private Instant first;

  void add(Instant receivedAt, String category, String product) {
    events.computeIfAbsent(IntakeDimension.CATEGORY, d -> new HashMap<>())
        .computeIfAbsent(category, k -> new ArrayList<>()).add(receivedAt.getEpochSecond());
    events.computeIfAbsent(IntakeDimension.PRODUCT, d -> new HashMap<>())
        .computeIfAbsent(product, k -> new ArrayList<>()).add(receivedAt.getEpochSecond());
    first = first == null || receivedAt.isBefore(first) ? receivedAt : first;
    sorted.clear();
  }

  /** Adds a Poisson-distributed number of complaints with mean {@code rate}, spread evenly over [from, from + seconds). */
  void addPoisson(Random random, Instant from, long seconds, double rate, String category, String product) {
    int n = poisson(random, rate);
    for (int i = 0; i < n; i++) {
      add(from.plusSeconds((long) (random.nextDouble() * seconds)), category, product);
    }
  }

  @Override
  public Optional<OffsetDateTime> firstReceivedAt() {
    return Optional.ofNullable(first).map(f -> f.atOffset(ZoneOffset.UTC));
  }

  @Override
  public Map<String, int[]> countsByWindow(IntakeDimension dimension, List<Window> windows) {
    Map<String, long[]> times = sorted.computeIfAbsent(dimension, d -> {
      Map<String, long[]> byKey = new HashMap<>();
      events.getOrDefault(d, Map.of()).forEach((key, list) -> {
        long[] array = list.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        byKey.put(key, array);
      });
      return byKey;
    });
    Map<String, int[]> counts = new HashMap<>();
    times.forEach((key, array) -> {
      int[] perWindow = new int[windows.size()];
      boolean any = false;
      for (int i = 0; i < windows.size(); i++) {
        perWindow[i] = lowerBound(array, windows.get(i).end().toEpochSecond())
            - lowerBound(array, windows.get(i).start().toEpochSecond());
        any |= perWindow[i] > 0;
      }
      if (any) {
        counts.put(key, perWindow);
      }
    });
    return counts;
  }

  private static int lowerBound(long[] array, long value) {
    int index = Arrays.binarySearch(array, value);
    if (index < 0) {
      return -index - 1;
    }
    while (index > 0 && array[index - 1] == value) {
      index--;
    }
    return index;
  }

  static int poisson(Random random, double mean) {
    // Knuth's method, in steps of 30 so that e^-mean stays representable
    int n = 0;
    double remaining = mean;
    while (remaining > 0) {
      double step = Math.min(remaining, 30);
      remaining -= step;
      double limit = Math.exp(-step);
      double product = random.nextDouble();
      while (product > limit) {
        n++;
        product *= random.nextDouble();
      }
    }
    return n;
  }
}

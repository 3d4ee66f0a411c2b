package io.disputeflow.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Concurrent clients repeating one call until a time or a count runs out; latencies of the successful calls. */
final class Load {

  /** One call; returns whether it succeeded. {@code i} counts the calls of the whole load from 0. */
  interface Call {
    boolean run(int i) throws Exception;
  }

  record Result(int ok, int failed, double seconds, double p50, double p95, double p99, double max) {
    double perSecond() {
      return ok / seconds;
    }
  }

  private Load() {}

  static Result forDuration(int clients, double seconds, Call call) throws InterruptedException {
    return run(clients, (long) (seconds * 1e9), Integer.MAX_VALUE, call);
  }

  static Result forCount(int clients, int count, Call call) throws InterruptedException {
    return run(clients, Long.MAX_VALUE / 4, count, call);
  }

  private static Result run(int clients, long nanos, int count, Call call) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong firstFailure = new AtomicLong();
    List<Latencies> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + nanos;
    for (int c = 0; c < clients; c++) {
      Latencies mine = new Latencies();
      latencies.add(mine);
      Thread thread = new Thread(() -> {
        int i;
        while (System.nanoTime() < end && (i = next.getAndIncrement()) < count) {
          long before = System.nanoTime();
          boolean ok;
          try {
            ok = call.run(i);
          } catch (Exception e) {
            ok = false;
            if (firstFailure.compareAndSet(0, 1)) {
              System.err.println("benchmark: first failed call: " + e);
            }
          }
          if (ok) {
            mine.add(System.nanoTime() - before);
          } else {
            failed.incrementAndGet();
          }
        }
      }, "load-" + c);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l.nanos, 0, l.size)).sorted().toArray();
    return new Result(all.length, failed.get(), seconds, percentile(all, 50), percentile(all, 95),
        percentile(all, 99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
  }

  /** One client's latencies, written by its thread only and read after it ended. */
  private static final class Latencies {
    long[] nanos = new long[1024];
    int size;

    void add(long value) {
      if (size == nanos.length) {
        nanos = Arrays.copyOf(nanos, size * 2);
      }
      nanos[size++] = value;
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }
}

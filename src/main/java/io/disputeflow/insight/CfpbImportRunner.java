package io.disputeflow.insight;

import io.disputeflow.logging.CaseLogContext;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs background imports on this node, one at a time, in batches. Any node may run any import: a node
 * takes one by a lease in its row (cfpb_import.lease_until), renews it with every batch it commits, and
 * gives it back when it stops. A node that dies keeps its lease until it runs out; then another node (or
 * this one, restarted) takes the import over and continues after the last committed batch. A batch's
 * complaints and its progress are one transaction whose progress update names the node and the row the
 * batch started at, so a batch is recorded once or not at all: no row is imported twice.
 */
@Component
class CfpbImportRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CfpbImportRunner.class);
  private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  /** A log line each time this many more rows are in. */
  private static final int PROGRESS_EVERY = 500;

  /** How a run of batches ended. */
  enum Ended { DONE, STOPPED, LEASE_LOST, FAILED }

  private final CfpbImporter importer;
  private final CfpbImportRepository imports;
  private final ImportMeters meters;
  private final TransactionTemplate eachBatch;
  private final Clock clock;
  private final Duration lease;
  private final String node;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "cfpb-import");
    t.setDaemon(true);
    return t;
  });
  private final int threads;
  private final ExecutorService workers;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean stopping;

  CfpbImportRunner(CfpbImporter importer, CfpbImportRepository imports, ImportMeters meters,
      PlatformTransactionManager transactions, Clock clock, @Value("${disputeflow.imports.lease:PT1M}") Duration lease,
      @Value("${disputeflow.imports.threads:2}") int threads) {
    this.importer = importer;
    this.imports = imports;
    this.meters = meters;
    this.eachBatch = new TransactionTemplate(transactions);
    this.clock = clock;
    this.lease = lease;
    this.threads = Math.max(1, threads);
    AtomicInteger counter = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, "cfpb-import-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** This node's name in a lease: process id@host and a random part (two nodes on one host differ). */
  String node() {
    return node;
  }

  /** Looks for imports to run, on this node's import thread (at most one such look waits). */
  void wake() {
    if (!stopping && scheduled.compareAndSet(false, true)) {
      thread.execute(() -> {
        scheduled.set(false);
        runClaimable();
      });
    }
  }

  private void runClaimable() {
    try {
      List<String> candidates = imports.claimable(OffsetDateTime.now(clock));
      for (String id : candidates) {
        if (stopping) {
          return;
        }
        if (claim(id, node)) {
          run(id, node, Integer.MAX_VALUE);
        }
      }
    } catch (RuntimeException e) {
      // the database is away, say: the next wake tries again, the imports wait where they are
      LOG.warn("Background imports could not run now; they continue at the next try", e);
    }
  }

  boolean claim(String id, String owner) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return imports.claim(id, owner, now, now.plus(lease));
  }

  /**
   * Runs an import that {@code owner} holds, at most {@code maxBatches} batches (tests stop a node
   * mid-way so), giving the import back when this node stops.
   */
  Ended run(String id, String owner, int maxBatches) {
    var work = imports.work(id).orElseThrow();
    CfpbImporter.CfpbFile file;
    try {
      file = importer.read(new StringReader(work.content()));
    } catch (RuntimeException unreadable) {
      imports.fail(id, owner, "the stored file no longer reads: " + unreadable.getMessage(), OffsetDateTime.now(clock));
      return Ended.FAILED;
    }
    Set<Integer> committed = imports.committedBatches(id);
    List<Integer> pending = IntStream.iterate(0, first -> first < file.rows().size(), first -> first + work.batchSize())
        .filter(first -> !committed.contains(first)).boxed().toList();
    LOG.info("Import {}: {} of {} rows to import on {}", id, pending.stream()
        .mapToInt(first -> Math.min(first + work.batchSize(), file.rows().size()) - first).sum(), file.rows().size(), owner);
    Batches batches = new Batches(id, owner, file, work, pending.subList(0, Math.min(maxBatches, pending.size())));
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < Math.min(threads, batches.firstRows.size()); i++) {
      running.add(workers.submit(batches::work));
    }
    for (Future<?> worker : running) {
      try {
        worker.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        batches.stop(Ended.STOPPED);
      } catch (ExecutionException e) {
        batches.stop(Ended.FAILED);
        batches.failure = e.getCause();
      }
    }
    if (batches.failure != null) {
      // the database went away, say: the lease runs out and a node continues with the batches not committed
      throw new IllegalStateException("Import " + id + " stopped: " + batches.failure.getMessage(), batches.failure);
    }
    Ended ended = batches.ended.get();
    if (ended == Ended.STOPPED && stopping) {
      imports.release(id, owner);
    }
    if (ended == Ended.DONE && batches.firstRows.size() < pending.size()) {
      return Ended.STOPPED;
    }
    if (ended == Ended.DONE) {
      meters.finished("CFPB");
      long wallMillis = Math.max(1, (System.nanoTime() - batches.started) / 1_000_000);
      LOG.info("Import {}: done, {} rows; this run {} rows in {} ms ({} rows a second, {} ms of the import threads'"
          + " CPU a row)", id, file.rows().size(), batches.rows.get(), wallMillis,
          String.format(Locale.ROOT, "%.1f", batches.rows.get() * 1000.0 / wallMillis),
          String.format(Locale.ROOT, "%.1f", batches.cpuNanos.get() / 1e6 / Math.max(1, batches.rows.get())));
    }
    return ended;
  }

  /**
   * One run of an import's pending batches on this node's import threads: each thread takes the next
   * batch until none is left, the node stops, or the import is found taken over.
   */
  private final class Batches {
    final String id;
    final String owner;
    final CfpbImporter.CfpbFile file;
    final CfpbImportRepository.Work work;
    final List<Integer> firstRows;
    final AtomicInteger next = new AtomicInteger();
    final AtomicReference<Ended> ended = new AtomicReference<>(Ended.DONE);
    final AtomicInteger rows = new AtomicInteger();
    final AtomicLong cpuNanos = new AtomicLong();
    final long started = System.nanoTime();
    /** When a batch of this run was last recorded: the time up to the next one is import time. */
    final AtomicLong lastRecorded = new AtomicLong(started);
    volatile Throwable failure;

    Batches(String id, String owner, CfpbImporter.CfpbFile file, CfpbImportRepository.Work work,
        List<Integer> firstRows) {
      this.id = id;
      this.owner = owner;
      this.file = file;
      this.work = work;
      this.firstRows = firstRows;
    }

    void stop(Ended why) {
      ended.compareAndSet(Ended.DONE, why);
    }

    void work() {
      var previous = SecurityContextHolder.getContext();
      SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
      if (work.startedBy() != null) {
        // the cases' history names who posted the file, as it did when imports ran in the request
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(work.startedBy(), null, List.of()));
      }
      long cpuStarted = CPU.getCurrentThreadCpuTime();
      try (var user = CaseLogContext.actingUser(work.startedBy())) {
        int index;
        while (ended.get() == Ended.DONE && (index = next.getAndIncrement()) < firstRows.size()) {
          if (stopping) {
            stop(Ended.STOPPED);
            return;
          }
          if (!runBatch(firstRows.get(index))) {
            stop(Ended.LEASE_LOST);
            return;
          }
        }
      } finally {
        cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStarted);
        SecurityContextHolder.setContext(previous);
      }
    }

    private boolean runBatch(int first) {
      int to = Math.min(first + work.batchSize(), file.rows().size());
      Boolean recorded;
      try {
        recorded = eachBatch.execute(status -> {
          CfpbImportTally tally = importer.importRows(file, first, to, work.shiftWeeks());
          OffsetDateTime now = OffsetDateTime.now(clock);
          long mark = System.nanoTime();
          long busy = (mark - lastRecorded.getAndSet(mark)) / 1_000_000;
          if (!imports.recordBatch(id, owner, first, to, tally, busy, now.plus(lease), now)) {
            status.setRollbackOnly();
            return false;
          }
          return true;
        });
      } catch (DuplicateKeyException recordedByAnother) {
        recorded = false;
      }
      if (!Boolean.TRUE.equals(recorded)) {
        LOG.warn("Import {}: rows {}-{} rolled back, {} no longer holds the import (another node continues it)",
            id, first + 1, to, owner);
        return false;
      }
      int done = rows.addAndGet(to - first);
      if (done / PROGRESS_EVERY != (done - (to - first)) / PROGRESS_EVERY) {
        long wallMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        LOG.info("Import {}: {} rows in this run, {} rows a second", id, done,
            String.format(Locale.ROOT, "%.1f", done * 1000.0 / wallMillis));
      }
      return true;
    }
  }

  /** A stopping node finishes its batch, gives its import back, and takes no new one. */
  @jakarta.annotation.PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    thread.shutdown();
    workers.shutdown();
    if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
      LOG.warn("Import thread still busy after 30 s: its import continues once its lease ran out");
    }
  }
}

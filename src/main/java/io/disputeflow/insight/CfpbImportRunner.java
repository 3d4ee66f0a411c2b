package io.disputeflow.insight;

import io.disputeflow.logging.CaseLogContext;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

  /** How a run of batches ended. */
  enum Ended { DONE, STOPPED, LEASE_LOST, FAILED }

  private final CfpbImporter importer;
  private final CfpbImportRepository imports;
  private final TransactionTemplate eachBatch;
  private final Clock clock;
  private final int batchSize;
  private final Duration lease;
  private final String node;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "cfpb-import");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean stopping;

  CfpbImportRunner(CfpbImporter importer, CfpbImportRepository imports, PlatformTransactionManager transactions,
      Clock clock, @Value("${disputeflow.imports.batch-size:50}") int batchSize,
      @Value("${disputeflow.imports.lease:PT1M}") Duration lease) {
    this.importer = importer;
    this.imports = imports;
    this.eachBatch = new TransactionTemplate(transactions);
    this.clock = clock;
    this.batchSize = batchSize;
    this.lease = lease;
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
    var previous = SecurityContextHolder.getContext();
    SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
    if (work.startedBy() != null) {
      // the cases' history names who posted the file, as it did when imports ran in the request
      SecurityContextHolder.getContext().setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(work.startedBy(), null, List.of()));
    }
    try (var user = CaseLogContext.actingUser(work.startedBy())) {
      LOG.info("Import {}: continuing at row {} of {} on {}", id, work.processed() + 1, file.rows().size(), owner);
      return runBatches(id, owner, maxBatches, file, work.processed(), work.shiftWeeks());
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  private Ended runBatches(String id, String owner, int maxBatches, CfpbImporter.CfpbFile file, int processed,
      long shiftWeeks) {
    int rows = file.rows().size();
    int from = processed;
    for (int batch = 0; batch < maxBatches && from < rows; batch++) {
      if (stopping) {
        imports.release(id, owner);
        return Ended.STOPPED;
      }
      int first = from;
      int to = Math.min(from + batchSize, rows);
      long started = System.nanoTime();
      Boolean recorded = eachBatch.execute(status -> {
        CfpbImportTally tally = importer.importRows(file, first, to, shiftWeeks);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long busy = (System.nanoTime() - started) / 1_000_000;
        if (!imports.recordBatch(id, owner, first, to, tally, busy, now.plus(lease), now)) {
          status.setRollbackOnly();
          return false;
        }
        return true;
      });
      if (!Boolean.TRUE.equals(recorded)) {
        LOG.warn("Import {}: rows {}-{} rolled back, {} no longer holds the import (another node continues it)",
            id, first + 1, to, owner);
        return Ended.LEASE_LOST;
      }
      from = to;
    }
    if (from >= rows) {
      LOG.info("Import {}: done, {} rows", id, rows);
      return Ended.DONE;
    }
    return Ended.STOPPED;
  }

  /** A stopping node finishes its batch, gives its import back, and takes no new one. */
  @jakarta.annotation.PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    thread.shutdown();
    if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
      LOG.warn("Import thread still busy after 30 s: its import continues once its lease ran out");
    }
  }
}

package io.disputeflow.insight;

import io.disputeflow.insight.CfpbImportRepository.Progress;
import io.disputeflow.insight.CfpbImportTally.RowProblem;
import io.disputeflow.time.BankTime;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Background imports of CFPB exports: a file is checked and stored at once, and imported by a runner. */
@Service
class CfpbImports {

  /** An import as the API shows it. */
  record CfpbImportView(String id, String status, int layout, int rows, int processed, int created,
      int alreadyImported, int merged, int rejected, int withoutNarrative, Double rowsPerSecond, String startedBy,
      OffsetDateTime startedAt, OffsetDateTime finishedAt, String failure, String runningOn,
      List<RowProblem> errors, List<RowProblem> warnings) {}

  private final CfpbImporter importer;
  private final CfpbImportRepository imports;
  private final CfpbImportRunner runner;
  private final Clock clock;
  private final BankTime bankTime;
  private final int batchSize;

  CfpbImports(CfpbImporter importer, CfpbImportRepository imports, CfpbImportRunner runner, Clock clock,
      BankTime bankTime, @Value("${disputeflow.imports.batch-size:50}") int batchSize) {
    this.importer = importer;
    this.imports = imports;
    this.runner = runner;
    this.clock = clock;
    this.bankTime = bankTime;
    this.batchSize = batchSize;
  }

  /**
   * Checks the whole file (a file that is no CFPB export is refused, nothing stored), stores it and has
   * a runner start on it once stored.
   */
  @Transactional
  String start(String csv, long shiftWeeks, String user) {
    CfpbImporter.CfpbFile file = importer.read(new StringReader(csv));
    String id = UUID.randomUUID().toString();
    imports.insert(id, csv, file.layout(), file.rows().size(), batchSize, shiftWeeks, user,
        OffsetDateTime.now(clock));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        runner.wake();
      }
    });
    return id;
  }

  Optional<CfpbImportView> find(String id) {
    return imports.progress(id).map(p -> view(p, imports.problems(id, "ERROR"), imports.problems(id, "WARNING")));
  }

  /** Running imports, and those finished within {@code finishedWithin}, without their rows' problems. */
  List<CfpbImportView> recent(Duration finishedWithin) {
    return imports.recent(OffsetDateTime.now(clock).minus(finishedWithin)).stream()
        .map(p -> view(p, null, null))
        .toList();
  }

  private CfpbImportView view(Progress p, List<RowProblem> errors, List<RowProblem> warnings) {
    Double rate = p.busyMillis() == 0 ? null : Math.round(p.processed() * 10_000.0 / p.busyMillis()) / 10.0;
    return new CfpbImportView(p.id(), p.status().name(), p.layout(), p.rows(), p.processed(), p.created(),
        p.alreadyImported(), p.merged(), p.rejected(), p.withoutNarrative(), rate, p.startedBy(),
        bankTime.inZone(p.startedAt()), bankTime.inZone(p.finishedAt()), p.failure(),
        p.status() == CfpbImportRepository.Status.RUNNING ? p.leaseOwner() : null, errors, warnings);
  }
}

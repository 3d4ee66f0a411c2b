package io.disputeflow.insight;

import io.disputeflow.process.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code disputeflow_imports_total} and {@code disputeflow_import_rows_total}: regulator files imported
 * and what became of their rows. A batch's rows are counted once the batch committed; a file once its
 * last batch did.
 */
@Component
class ImportMeters {

  private final MeterRegistry registry;

  ImportMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void finished(String source) {
    Counter.builder("disputeflow.imports").description("Regulator files imported").tag("source", source)
        .register(registry).increment();
  }

  /** In the batch's transaction: counted once it committed. */
  void rows(String source, CfpbImportTally batch) {
    AfterCommit.run(() -> {
      rows(source, "CREATED", batch.created);
      rows(source, "ALREADY_IMPORTED", batch.alreadyImported);
      rows(source, "MERGED", batch.merged);
      rows(source, "REJECTED", batch.rejected());
    });
  }

  private void rows(String source, String result, int rows) {
    Counter.builder("disputeflow.import.rows").description("Rows of imported regulator files, by what became of them")
        .tag("source", source).tag("result", result).register(registry).increment(rows);
  }
}

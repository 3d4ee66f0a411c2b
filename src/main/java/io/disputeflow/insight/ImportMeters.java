package io.disputeflow.insight;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code disputeflow_imports_total} and {@code disputeflow_import_rows_total}: regulator files imported
 * and what became of their rows. Each row is committed in its own transaction before it is counted.
 */
@Component
class ImportMeters {

  private final MeterRegistry registry;

  ImportMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void finished(String source, CfpbImportResult result) {
    Counter.builder("disputeflow.imports").description("Regulator files imported").tag("source", source)
        .register(registry).increment();
    rows(source, "CREATED", result.created());
    rows(source, "ALREADY_IMPORTED", result.alreadyImported());
    rows(source, "MERGED", result.merged());
    rows(source, "REJECTED", result.rejected());
  }

  private void rows(String source, String result, int rows) {
    Counter.builder("disputeflow.import.rows").description("Rows of imported regulator files, by what became of them")
        .tag("source", source).tag("result", result).register(registry).increment(rows);
  }
}

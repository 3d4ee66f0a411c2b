package io.disputeflow.insight;

import java.util.ArrayList;
import java.util.List;

/** What rows of a CFPB export came to: counted per batch, added up per import. */
final class CfpbImportTally {

  int created;
  int alreadyImported;
  int merged;
  int withoutNarrative;
  final List<RowProblem> errors = new ArrayList<>();
  final List<RowProblem> warnings = new ArrayList<>();

  /** A data row (1 = first after the header), the file line it starts on, its Complaint ID; {@code field} is the CSV column at fault, when one is. */
  record RowProblem(int row, long line, String complaintId, String field, String message) {}

  int rejected() {
    return errors.size();
  }

  void add(CfpbImportTally other) {
    created += other.created;
    alreadyImported += other.alreadyImported;
    merged += other.merged;
    withoutNarrative += other.withoutNarrative;
    errors.addAll(other.errors);
    warnings.addAll(other.warnings);
  }
}

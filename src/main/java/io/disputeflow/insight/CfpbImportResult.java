package io.disputeflow.insight;

import java.util.List;

/**
 * The answer to POST /api/imports/cfpb.
 *
 * @param layout the columns found: 18 (with narratives) or 16 (without)
 * @param rows data rows read
 * @param created new complaints, each with its complaint-handling process started
 * @param alreadyImported rows whose Complaint ID was imported before (nothing changed)
 * @param merged rows absorbed by an open case of the same customer, product and issue
 * @param rejected rows that changed nothing, each listed in {@code errors}
 * @param withoutNarrative rows whose consumer did not publish a narrative: their narrative is written
 *     from the CFPB's product and issue fields
 * @param complaints the complaint each accepted row became or joined
 * @param errors why rows were rejected
 * @param warnings what was changed to accept a row (a narrative shortened, an unknown product)
 */
record CfpbImportResult(int layout, int rows, int created, int alreadyImported, int merged, int rejected,
    int withoutNarrative, List<Accepted> complaints, List<RowProblem> errors, List<RowProblem> warnings) {

  /** A data row (1 = first after the header), the file line it starts on, its Complaint ID and its outcome. */
  record Accepted(int row, long line, String complaintId, String complaintNumber, String outcome) {}

  /** {@code field} names the CSV column at fault, when one is. */
  record RowProblem(int row, long line, String complaintId, String field, String message) {}
}

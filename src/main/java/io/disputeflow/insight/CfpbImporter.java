package io.disputeflow.insight;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import io.disputeflow.insight.CfpbImportTally.RowProblem;
import io.disputeflow.intake.ComplaintSubmission;
import io.disputeflow.intake.IntakeResult;
import io.disputeflow.intake.IntakeService;
import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.time.BankTime;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regulator-referred complaints from a CFPB export. Each row goes through the intake service like any
 * submission — classified, clocked, its process started. Rows are taken in batches: a batch is one
 * transaction (one commit for many rows, and the import's progress committed with them), and each row in
 * it has a savepoint of its own, so a row is imported whole or not at all and a bad row does not stop the
 * others. The Complaint ID is the external reference of channel REGULATOR_REFERRAL, so importing a file
 * again adds nothing.
 */
@Service
class CfpbImporter {

  private static final Logger LOG = LoggerFactory.getLogger(CfpbImporter.class);

  static final int ISSUE_LENGTH = 200;
  static final int NARRATIVE_LENGTH = 20_000;

  /** Our field names in a validation error, as the CSV columns they come from. */
  private static final Map<String, String> COLUMNS = Map.of(
      "externalReference", CfpbRecord.COMPLAINT_ID,
      "receivedAt", CfpbRecord.DATE_RECEIVED,
      "issue", CfpbRecord.ISSUE,
      "narrative", CfpbRecord.NARRATIVE,
      "product", CfpbRecord.PRODUCT);

  private final IntakeService intake;
  private final RegulatorReferralRepository referrals;
  private final Validator validator;
  private final TransactionTemplate eachRowWithItsSavepoint;
  private final Clock clock;
  private final ZoneId zone;
  private final ImportMeters meters;

  CfpbImporter(IntakeService intake, RegulatorReferralRepository referrals, Validator validator,
      PlatformTransactionManager transactions, Clock clock, BankTime bankTime,
      ImportMeters meters) {
    this.intake = intake;
    this.referrals = referrals;
    this.validator = validator;
    this.eachRowWithItsSavepoint = new TransactionTemplate(transactions);
    this.eachRowWithItsSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
    this.zone = bankTime.zone();
    this.meters = meters;
  }

  /** A whole file, read and checked: its columns and its data rows. */
  record CfpbFile(List<String> columns, List<CsvReader.Row> rows) {
    int layout() {
      return columns.size();
    }
  }

  /**
   * Reads a whole file before anything is imported, so a file that is no CFPB export, or not CSV at all,
   * is refused whole: {@link InvalidFieldException} names what is wrong.
   */
  CfpbFile read(Reader csv) {
    CsvReader reader = new CsvReader(csv instanceof BufferedReader ? csv : new BufferedReader(csv, 1 << 16));
    try {
      CsvReader.Row header = reader.next();
      if (header == null) {
        throw new InvalidFieldException("body", "is empty: expected a CFPB export with its header line");
      }
      List<String> columns = header.fields().stream().map(String::trim).toList();
      List<String> missing = CfpbRecord.REQUIRED_COLUMNS.stream().filter(c -> !columns.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidFieldException("header", "lacks the CFPB column(s) " + String.join(", ", missing));
      }
      List<CsvReader.Row> rows = new ArrayList<>();
      CsvReader.Row row;
      while ((row = reader.next()) != null) {
        rows.add(row);
      }
      if (rows.isEmpty()) {
        throw new InvalidFieldException("body", "has a header but no rows");
      }
      return new CfpbFile(columns, rows);
    } catch (CsvReader.MalformedCsvException e) {
      throw new InvalidFieldException("body", "is not CSV: " + e.getMessage() + "; nothing was imported");
    }
  }

  /** A whole file at once, in batches (the demo's import at start). */
  CfpbImportTally importAll(CfpbFile file, long shiftWeeks, int batchSize, TransactionTemplate batches) {
    CfpbImportTally total = new CfpbImportTally();
    for (int from = 0; from < file.rows().size(); from += batchSize) {
      int to = Math.min(from + batchSize, file.rows().size());
      int first = from;
      total.add(batches.execute(status -> importRows(file, first, to, shiftWeeks)));
    }
    meters.finished("CFPB");
    return total;
  }

  /**
   * Rows {@code from} (0 = first after the header) up to {@code to}, in the caller's transaction: the batch
   * is committed (or not) with whatever the caller records beside it.
   */
  CfpbImportTally importRows(CfpbFile file, int from, int to, long shiftWeeks) {
    CfpbImportTally tally = new CfpbImportTally();
    for (int index = from; index < to; index++) {
      importRow(tally, index + 1, file.rows().get(index), file.columns(), shiftWeeks);
    }
    meters.rows("CFPB", tally);
    return tally;
  }

  private void importRow(CfpbImportTally tally, int number, CsvReader.Row row, List<String> columns, long shiftWeeks) {
    if (row.fields().size() != columns.size()) {
      tally.errors.add(new RowProblem(number, row.line(), null, null, "has " + row.fields().size()
          + " fields where the header has " + columns.size()));
      return;
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      values.put(columns.get(i), row.fields().get(i));
    }
    CfpbRecord record = new CfpbRecord(values);
    String complaintId = record.get(CfpbRecord.COMPLAINT_ID);
    List<RowProblem> warnings = new ArrayList<>();
    ComplaintSubmission submission;
    try {
      submission = submission(record, shiftWeeks, (column, message) -> warnings.add(
          new RowProblem(number, row.line(), complaintId, column, message)));
    } catch (RowRejected rejected) {
      tally.errors.add(new RowProblem(number, row.line(), complaintId, rejected.column, rejected.getMessage()));
      return;
    }
    Set<ConstraintViolation<ComplaintSubmission>> violations = validator.validate(submission);
    if (!violations.isEmpty()) {
      violations.stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
          .forEach(v -> tally.errors.add(new RowProblem(number, row.line(), complaintId,
              COLUMNS.getOrDefault(v.getPropertyPath().toString(), v.getPropertyPath().toString()), v.getMessage())));
      return;
    }
    IntakeService.Taken result;
    try {
      result = submitWithReferral(submission, record);
    } catch (InvalidFieldException invalid) {
      tally.errors.add(new RowProblem(number, row.line(), complaintId,
          COLUMNS.getOrDefault(invalid.field(), invalid.field()), invalid.getMessage()));
      return;
    } catch (RuntimeException failed) {
      LOG.warn("CFPB complaint {} (line {}) was not imported", complaintId, row.line(), failed);
      tally.errors.add(new RowProblem(number, row.line(), complaintId, null,
          "could not be taken in, nothing was stored: " + failed.getMessage()));
      return;
    }
    switch (result.outcome()) {
      case CREATED -> tally.created++;
      case ALREADY_SUBMITTED -> tally.alreadyImported++;
      case MERGED_INTO_OPEN_CASE -> tally.merged++;
    }
    if (result.outcome() != IntakeResult.Outcome.ALREADY_SUBMITTED) {
      tally.warnings.addAll(warnings);
      if (record.get(CfpbRecord.NARRATIVE) == null) {
        tally.withoutNarrative++;
      }
    }
  }

  private IntakeService.Taken submitWithReferral(ComplaintSubmission submission, CfpbRecord record) {
    try {
      return submitOnce(submission, record);
    } catch (DuplicateKeyException concurrentImportOfTheSameRow) {
      // another import of the same row committed first: now it answers ALREADY_SUBMITTED
      return submitOnce(submission, record);
    }
  }

  private IntakeService.Taken submitOnce(ComplaintSubmission submission, CfpbRecord record) {
    return eachRowWithItsSavepoint.execute(status -> {
      IntakeService.Taken result = intake.take(submission);
      if (result.outcome() == IntakeResult.Outcome.CREATED) {
        referrals.insert(result.complaintNumber(), record, record.originChannel(),
            record.get(CfpbRecord.NARRATIVE) != null, OffsetDateTime.now(clock));
      }
      return result;
    });
  }

  private ComplaintSubmission submission(CfpbRecord r, long shiftWeeks, BiConsumer<String, String> warn) {
    String complaintId = r.get(CfpbRecord.COMPLAINT_ID);
    if (complaintId == null) {
      throw new RowRejected(CfpbRecord.COMPLAINT_ID, "must not be blank: it identifies the referral");
    }
    LocalDate received;
    try {
      received = r.dateReceived();
    } catch (IllegalArgumentException e) {
      throw new RowRejected(CfpbRecord.DATE_RECEIVED, e.getMessage());
    }
    if (received == null) {
      throw new RowRejected(CfpbRecord.DATE_RECEIVED, "must not be blank");
    }
    String issue = r.get(CfpbRecord.ISSUE);
    if (issue == null) {
      throw new RowRejected(CfpbRecord.ISSUE, "must not be blank");
    }
    Product product = r.product();
    if (product == Product.OTHER) {
      warn.accept(CfpbRecord.PRODUCT, "\"" + r.get(CfpbRecord.PRODUCT) + "\" is none of our products: OTHER");
    }
    String subIssue = r.get(CfpbRecord.SUB_ISSUE);
    String narrative = r.get(CfpbRecord.NARRATIVE);
    if (narrative == null) {
      narrative = narrativeFromFields(r, received);
    } else if (narrative.length() > NARRATIVE_LENGTH) {
      warn.accept(CfpbRecord.NARRATIVE, "has " + narrative.length() + " characters: the first "
          + NARRATIVE_LENGTH + " were kept; the CFPB holds the whole text under the Complaint ID");
      narrative = narrative.substring(0, NARRATIVE_LENGTH - 1) + "…";
    }
    return new ComplaintSubmission(Channel.REGULATOR_REFERRAL, complaintId,
        received.plusWeeks(shiftWeeks).atStartOfDay(zone).toOffsetDateTime(),
        new ComplaintSubmission.Customer(null, "CFPB consumer " + complaintId, null, null, "en", null,
            r.olderAmerican()),
        product, shorten(subIssue == null ? issue : issue + " – " + subIssue, ISSUE_LENGTH), narrative, null, false,
        "US-CFPB");
  }

  /**
   * Most consumers do not publish their narrative. The referral is still a complaint the bank must
   * handle, so its narrative is written from the regulator's structured fields instead of rejecting it.
   */
  private static String narrativeFromFields(CfpbRecord r, LocalDate received) {
    StringBuilder text = new StringBuilder("Referred by the CFPB (complaint ").append(r.get(CfpbRecord.COMPLAINT_ID))
        .append(", received ").append(received).append("). The consumer did not publish a narrative");
    if (r.get(CfpbRecord.CONSENT) != null) {
      text.append(" (consent: ").append(r.get(CfpbRecord.CONSENT)).append(')');
    }
    text.append(".\nProduct: ").append(r.get(CfpbRecord.PRODUCT));
    if (r.get(CfpbRecord.SUB_PRODUCT) != null) {
      text.append(" – ").append(r.get(CfpbRecord.SUB_PRODUCT));
    }
    text.append("\nIssue: ").append(r.get(CfpbRecord.ISSUE));
    if (r.get(CfpbRecord.SUB_ISSUE) != null) {
      text.append(" – ").append(r.get(CfpbRecord.SUB_ISSUE));
    }
    for (String column : List.of(CfpbRecord.COMPANY, CfpbRecord.STATE, CfpbRecord.TAGS, CfpbRecord.SUBMITTED_VIA)) {
      if (r.get(column) != null) {
        text.append('\n').append(column).append(": ").append(r.get(column));
      }
    }
    return text.toString();
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  /** A row that cannot become a submission, and the column at fault. */
  private static final class RowRejected extends RuntimeException {
    final String column;

    RowRejected(String column, String message) {
      super(message);
      this.column = column;
    }
  }
}

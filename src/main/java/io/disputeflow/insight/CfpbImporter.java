package io.disputeflow.insight;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import io.disputeflow.insight.CfpbImportResult.Accepted;
import io.disputeflow.insight.CfpbImportResult.RowProblem;
import io.disputeflow.intake.ComplaintSubmission;
import io.disputeflow.intake.IntakeResult;
import io.disputeflow.intake.IntakeService;
import io.disputeflow.refusal.InvalidFieldException;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regulator-referred complaints from a CFPB export. Each row goes through the intake
 * service like any submission — classified, clocked, its process started — in a transaction of its
 * own: a row is imported whole or not at all, and a bad row does not stop the others. The Complaint ID
 * is the external reference of channel REGULATOR_REFERRAL, so importing a file again adds nothing.
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
  private final TransactionTemplate eachRowInItsOwnTransaction;
  private final Clock clock;
  private final ZoneId zone;

  CfpbImporter(IntakeService intake, RegulatorReferralRepository referrals, Validator validator,
      PlatformTransactionManager transactions, Clock clock, @Value("${disputeflow.zone}") ZoneId zone) {
    this.intake = intake;
    this.referrals = referrals;
    this.validator = validator;
    this.eachRowInItsOwnTransaction = new TransactionTemplate(transactions);
    this.eachRowInItsOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.zone = zone;
  }

  CfpbImportResult importCsv(Reader csv) {
    return importCsv(csv, 0);
  }

  /**
   * @param shiftWeeks whole weeks added to every receipt date (the demo moves an old export to the
   *     present; weekdays stay what they were)
   */
  CfpbImportResult importCsv(Reader csv, long shiftWeeks) {
    CsvReader reader = new CsvReader(csv instanceof BufferedReader ? csv : new BufferedReader(csv, 1 << 16));
    Tally tally = new Tally();
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
      tally.layout = columns.size();
      CsvReader.Row row;
      while ((row = reader.next()) != null) {
        tally.rows++;
        importRow(tally, tally.rows, row, columns, shiftWeeks);
      }
    } catch (CsvReader.MalformedCsvException e) {
      if (tally.rows == 0) {
        throw new InvalidFieldException("body", "is not CSV: " + e.getMessage());
      }
      // the rows before the broken record are imported; the rest of the file cannot be read
      tally.rows++;
      tally.errors.add(new RowProblem(tally.rows, e.line, null, null, "not CSV: " + e.getMessage()
          + "; the rest of the file was not read"));
    }
    return new CfpbImportResult(tally.layout, tally.rows, tally.created, tally.alreadyImported, tally.merged,
        tally.errors.size(), tally.withoutNarrative, tally.accepted, tally.errors, tally.warnings);
  }

  private void importRow(Tally tally, int number, CsvReader.Row row, List<String> columns, long shiftWeeks) {
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
    IntakeResult result;
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
    tally.accepted.add(new Accepted(number, row.line(), complaintId, result.complaint().complaintNumber(),
        result.outcome().name()));
  }

  private IntakeResult submitWithReferral(ComplaintSubmission submission, CfpbRecord record) {
    try {
      return submitOnce(submission, record);
    } catch (DuplicateKeyException concurrentImportOfTheSameRow) {
      // another import of the same row committed first: now it answers ALREADY_SUBMITTED
      return submitOnce(submission, record);
    }
  }

  private IntakeResult submitOnce(ComplaintSubmission submission, CfpbRecord record) {
    return eachRowInItsOwnTransaction.execute(status -> {
      IntakeResult result = intake.submit(submission);
      if (result.outcome() == IntakeResult.Outcome.CREATED) {
        referrals.insert(result.complaint().complaintNumber(), record, record.originChannel(),
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

  private static final class Tally {
    int layout;
    int rows;
    int created;
    int alreadyImported;
    int merged;
    int withoutNarrative;
    final List<Accepted> accepted = new ArrayList<>();
    final List<RowProblem> errors = new ArrayList<>();
    final List<RowProblem> warnings = new ArrayList<>();
  }
}

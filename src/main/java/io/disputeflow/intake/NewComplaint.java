package io.disputeflow.intake;

import static io.disputeflow.intake.OpenCaseMatcher.blankToNull;
import static io.disputeflow.process.ComplaintVariables.BILLING_CYCLE_CLOSING_DAY;
import static io.disputeflow.process.ComplaintVariables.CHANNEL;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_AGE;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_VULNERABLE;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_AMOUNT;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_CURRENCY;
import static io.disputeflow.process.ComplaintVariables.INQUIRY_ONLY;
import static io.disputeflow.process.ComplaintVariables.ISSUE;
import static io.disputeflow.process.ComplaintVariables.NARRATIVE;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;
import static io.disputeflow.process.ComplaintVariables.PRODUCT_LABEL;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_FOREIGN_INITIATED;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_NEW_ACCOUNT;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_POINT_OF_SALE;

import io.disputeflow.complaint.ComplaintNumbers;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.complaint.Stage;
import io.disputeflow.logging.CaseLogContext;
import io.disputeflow.process.ActingUser;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.representative.Representatives;
import io.disputeflow.time.BankTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A submission that joins no open case becomes a new complaint: its number, its record (with the
 * representative, if one acts for the customer) and the start of complaint-handling with the variables
 * the models read.
 */
@Component
class NewComplaint {

  /** Engine string variables hold 4,000 characters; the full narrative stays in the complaint record. */
  static final int NARRATIVE_EXCERPT_LENGTH = 3_990;

  private final ComplaintRepository complaints;
  private final ComplaintNumbers numbers;
  private final RuntimeService runtimeService;
  private final ActingUser actingUser;
  private final Representatives representatives;
  private final ZoneId zone;

  NewComplaint(ComplaintRepository complaints, ComplaintNumbers numbers, RuntimeService runtimeService,
      ActingUser actingUser, Representatives representatives, BankTime bankTime) {
    this.complaints = complaints;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.actingUser = actingUser;
    this.representatives = representatives;
    this.zone = bankTime.zone();
  }

  /** Registers the complaint and starts its case; answers its number. */
  String start(ComplaintSubmission submission, String reference, OffsetDateTime receivedAt) {
    var representative = submission.representative();
    String number = numbers.next(receivedAt.atZoneSameInstant(zone).getYear());
    ComplaintRecord record = newRecord(number, submission, reference, receivedAt);
    complaints.insert(record);
    if (representative != null) {
      // before the case starts: its first letter, the acknowledgement, goes to the representative too
      representatives.record(number, representative, "representative.");
    }
    Map<String, Object> variables = startVariables(record, receivedAt);
    // without one, regime-selection.dmn chooses the regime once the complaint is classified
    REGIME.put(variables, submission.regime());
    var transfer = submission.electronicFundTransfer();
    if (transfer != null) {
      TRANSFER_NEW_ACCOUNT.put(variables, Boolean.TRUE.equals(transfer.newAccount()));
      TRANSFER_POINT_OF_SALE.put(variables, Boolean.TRUE.equals(transfer.pointOfSale()));
      TRANSFER_FOREIGN_INITIATED.put(variables, Boolean.TRUE.equals(transfer.foreignInitiated()));
    }
    if (submission.billingCycle() != null) {
      // used only if the complaint runs under US-REG-Z (named, or chosen by regime-selection)
      BILLING_CYCLE_CLOSING_DAY.put(variables, submission.billingCycle().closingDay().longValue());
    }
    try (var logContext = CaseLogContext.complaint(number)) {
      actingUser.run(() -> runtimeService.startProcessInstanceByKey(ComplaintHandlingProcess.KEY, number, variables));
    }
    return number;
  }

  private ComplaintRecord newRecord(String number, ComplaintSubmission s, String reference, OffsetDateTime receivedAt) {
    var customer = s.customer();
    var amount = s.disputedAmount();
    return new ComplaintRecord(number, s.channel(), reference, receivedAt, blankToNull(customer.customerId()),
        customer.name().trim(), blankToNull(customer.phone()), blankToNull(customer.email()), customer.language(),
        customer.dateOfBirth(), customer.isVulnerable(), s.product(), s.issue().trim(), s.narrative(),
        amount == null ? null : amount.amount(), amount == null ? null : amount.currency(), s.isInquiryOnly(),
        ComplaintStatus.OPEN, Stage.INTAKE, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
  }

  private Map<String, Object> startVariables(ComplaintRecord r, OffsetDateTime receivedAt) {
    Map<String, Object> variables = new HashMap<>();
    COMPLAINT_NUMBER.put(variables, r.complaintNumber());
    CUSTOMER_NAME.put(variables, r.customerName());
    CUSTOMER_VULNERABLE.put(variables, r.customerVulnerable());
    CUSTOMER_AGE.put(variables, r.customerBirthDate() == null ? null
        : (long) Period.between(r.customerBirthDate(), receivedAt.atZoneSameInstant(zone).toLocalDate()).getYears());
    PRODUCT.put(variables, r.product().name());
    PRODUCT_LABEL.put(variables, r.product().label());
    ISSUE.put(variables, r.issue());
    NARRATIVE.put(variables, excerpt(r.narrative()));
    CHANNEL.put(variables, r.channel().name());
    RECEIVED_AT.put(variables, Date.from(receivedAt.toInstant()));
    DISPUTED_AMOUNT.put(variables, r.disputedAmount());
    DISPUTED_CURRENCY.put(variables, r.disputedCurrency());
    INQUIRY_ONLY.put(variables, r.inquiryOnly());
    return variables;
  }

  static String excerpt(String narrative) {
    return narrative.length() <= NARRATIVE_EXCERPT_LENGTH ? narrative
        : narrative.substring(0, NARRATIVE_EXCERPT_LENGTH - 1) + "…";
  }
}

package io.disputeflow.intake;

import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.refusal.InvalidFieldException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The open case a submission joins: the one a repeat names ({@code repeatOf}, checked to be the same
 * customer's open complaint), else an open duplicate of the same customer, product and issue; an
 * inquiry or an anonymous submission joins none.
 */
@Component
class OpenCaseMatcher {

  private final ComplaintRepository complaints;

  OpenCaseMatcher(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  Optional<ComplaintRecord> find(ComplaintSubmission submission) {
    var customer = submission.customer();
    return submission.repeatOf() != null ? Optional.of(repeatedCase(submission))
        : submission.isInquiryOnly() || !identifiable(customer) ? Optional.empty()
        : complaints.findOpenDuplicate(blankToNull(customer.customerId()), customer.name().trim(),
            blankToNull(customer.phone()), blankToNull(customer.email()), submission.product(), submission.issue());
  }

  /**
   * A duplicate is the same customer: by customer id, or by name with a phone or an e-mail. Without any
   * of these (an anonymous regulator referral) no open case can match, and the look-up, which cannot use
   * an index on a name alone, is skipped.
   */
  private static boolean identifiable(ComplaintSubmission.Customer customer) {
    return blankToNull(customer.customerId()) != null || blankToNull(customer.phone()) != null
        || blankToNull(customer.email()) != null;
  }

  /** The open case a repeat names: it must exist, be a complaint (not an inquiry) and still be open. */
  private ComplaintRecord repeatedCase(ComplaintSubmission submission) {
    ComplaintRecord repeated = complaints.find(submission.repeatOf())
        .orElseThrow(() -> new InvalidFieldException("repeatOf", "no complaint " + submission.repeatOf()));
    if (repeated.status() == ComplaintStatus.CLOSED) {
      throw new InvalidFieldException("repeatOf", submission.repeatOf() + " is closed: submit the complaint without"
          + " repeatOf (a new case), or ask for a re-verification of its decision");
    }
    if (repeated.inquiryOnly()) {
      throw new InvalidFieldException("repeatOf", submission.repeatOf() + " is an inquiry, not a complaint");
    }
    if (!sameCustomer(submission.customer(), repeated)) {
      throw new InvalidFieldException("repeatOf", submission.repeatOf() + " is another customer's complaint: a repeat"
          + " must name the same customer id, or the same name with the same phone or e-mail");
    }
    return repeated;
  }

  /**
   * The customer of a repeat must be the case's: the same customer id when both have one, else the same
   * name with the same phone or e-mail (as intake's own duplicate search matches), so that one customer's
   * submission can never restart or join another customer's case.
   */
  private static boolean sameCustomer(ComplaintSubmission.Customer customer, ComplaintRecord repeated) {
    String id = blankToNull(customer.customerId());
    if (id != null && repeated.customerId() != null) {
      return id.equals(repeated.customerId());
    }
    String phone = blankToNull(customer.phone());
    String email = blankToNull(customer.email());
    return customer.name().trim().equalsIgnoreCase(repeated.customerName())
        && (phone != null && phone.equals(repeated.customerPhone())
            || email != null && email.equalsIgnoreCase(repeated.customerEmail()));
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

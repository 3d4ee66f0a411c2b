package io.disputeflow.casefile;

import io.disputeflow.complaint.CaseAccess;
import io.disputeflow.complaint.Redress;
import io.disputeflow.complaint.Reopening;
import io.disputeflow.complaint.Representative;
import io.disputeflow.complaint.Withdrawal;

import io.disputeflow.security.Groups;
import io.disputeflow.security.PersonalData;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * How much of a complaint a caller sees. Those who handle or oversee cases, and the channel that
 * passes on the customer's answers, see it whole. A department sees only complaints it was asked to
 * review, legal counsel only those that need its opinion, both without the customer's contact data
 * and date of birth, and with ID, card, account and phone numbers and e-mail addresses in the
 * narrative masked, and without the letters sent to the customer: their review needs the facts, not
 * the means to reach the customer. A representative's phone and e-mail are masked the same way and
 * their postal address withheld.
 */
@Component
class ComplaintDisclosure {

  private static final String ACCOUNTS = "dept-accounts";
  private static final Set<String> FULL_VIEW = Set.of(Groups.COORDINATOR, Groups.SUPERVISOR, Groups.HEAD,
      Groups.AUDITOR, Groups.INTAKE);

  ComplaintView of(ComplaintView complaint, Authentication caller) {
    Set<String> groups = CaseAccess.groupsOf(caller.getAuthorities());
    if (groups.stream().anyMatch(FULL_VIEW::contains)) {
      return complaint;
    }
    // the accounts department reads the cases whose redress it pays: the decision's, or an outside body's
    boolean paysRedress = groups.contains(ACCOUNTS) && (complaint.redress() != null
        || complaint.externalReferrals().stream().anyMatch(referral -> referral.redress() != null));
    if (!paysRedress && !CaseAccess.reviews(complaint.departments(), complaint.legalNeeded(), groups)) {
      throw new AccessDeniedException("Complaint " + complaint.complaintNumber()
          + " is not under review by your department or by legal counsel");
    }
    return masked(complaint);
  }

  private static ComplaintView masked(ComplaintView c) {
    var customer = c.customer();
    var maskedCustomer = new ComplaintView.Customer(customer.customerId(), customer.name(),
        PersonalData.mask(customer.phone()), PersonalData.mask(customer.email()), customer.preferredLanguage(), null,
        customer.vulnerable());
    return new ComplaintView(c.complaintNumber(), c.status(), c.stage(), c.category(), c.priority(), c.channel(),
        c.externalReference(), c.receivedAt(), c.decisionDueAt(), maskedCustomer, c.product(), c.issue(),
        PersonalData.mask(c.narrative()), c.disputedAmount(), c.inquiryOnly(), c.departments(), c.legalNeeded(),
        c.deadlines(), c.extensions(), c.pauses(), c.decision(), c.resolutionOutcome(), c.satisfaction(),
        c.rootCause(), c.awaiting(), c.additionalSubmissions(), c.closedAt(), List.of(),
        c.withdrawal() == null ? null : new Withdrawal(PersonalData.mask(c.withdrawal().reason()),
            c.withdrawal().withdrawnBy(), c.withdrawal().withdrawnAt(), c.withdrawal().stage(),
            c.withdrawal().endedTasks()),
        c.redress() == null ? null : new Redress(c.redress().amount(), c.redress().currency(),
            c.redress().dueAt(), c.redress().status(), PersonalData.mask(c.redress().account()), c.redress().attempts(),
            c.redress().lastFailure(), c.redress().paidAt(), c.redress().reference(), c.redress().paidBy(),
            c.redress().paidOnTime()),
        masked(c.representative()),
        // the outside bodies' files are not a reviewing department's business; why a case was reopened is
        List.of(), c.reopenings().stream().map(r -> new Reopening(r.id(), r.ground(), PersonalData.mask(r.reason()),
            r.reopenedBy(), r.reopenedAt(), r.previousClosedAt(), r.previousDecision(), r.previousCompensation(),
            r.previousDecidedAt(), r.previousDecisionDueAt())).toList());
  }

  /** The representative's contact data as the customer's: phone and e-mail masked, the address withheld. */
  private static Representative masked(Representative r) {
    return r == null ? null : new Representative(r.name(), r.relation(), PersonalData.mask(r.phone()),
        PersonalData.mask(r.email()), null, r.authorityDocumentId(), r.recordedBy(), r.recordedAt());
  }
}

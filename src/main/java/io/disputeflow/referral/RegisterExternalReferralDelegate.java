package io.disputeflow.referral;

import static io.disputeflow.process.ComplaintVariables.CATEGORY;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_VULNERABLE;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_CURRENCY;
import static io.disputeflow.process.ComplaintVariables.ISSUE;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;
import static io.disputeflow.process.ComplaintVariables.PRODUCT_LABEL;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ExternalReferralProcess.CASE_FILE_DUE_AT;
import static io.disputeflow.process.ExternalReferralProcess.CASE_FILE_DUE_AT_TEXT;
import static io.disputeflow.process.ExternalReferralProcess.EXTERNAL_REFERRAL_ID;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_BODY;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_ORGANISATION;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_REFERENCE;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_RESPONSE_DUE_AT;
import static io.disputeflow.process.ExternalReferralProcess.REFERRED_AT_TEXT;
import static io.disputeflow.process.ExternalReferralProcess.RESPONSE_DUE_AT_TEXT;

import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.complaint.ExternalReferralRepository;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.refusal.TaskActionRefusedException;
import io.disputeflow.time.BankTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * service_register_referral: records the referral the API or the Tasklist start form "Register external
 * referral" passed in, in the transaction that starts the process (a refusal names every field of the
 * form at fault and rolls the start back), and sets the case file's due date: the body's own deadline,
 * or the bank's period for that body ({@link CaseFileDeadlines}).
 */
@Component
class RegisterExternalReferralDelegate implements JavaDelegate {

  /** The API's field names as the start form labels them. */
  private static final Map<String, String> FORM_FIELDS = Map.of(
      "body", "Referred to / 外部机构类型 (referralBody)",
      "organisation", "Organisation / 机构名称 (referralOrganisation)",
      "reference", "Their reference / 对方编号 (referralReference)",
      "referredAt", "Referred on / 转介日期 (referredAtText)",
      "responseDueAt", "Their deadline / 对方期限 (responseDueAtText)");

  private static final java.time.format.DateTimeFormatter DISPLAY =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ComplaintRepository complaints;
  private final ExternalReferralRepository referrals;
  private final CaseFileDeadlines deadlines;
  private final Clock clock;
  private final ZoneId zone;

  RegisterExternalReferralDelegate(ComplaintRepository complaints, ExternalReferralRepository referrals,
      CaseFileDeadlines deadlines, Clock clock, BankTime bankTime) {
    this.complaints = complaints;
    this.referrals = referrals;
    this.deadlines = deadlines;
    this.clock = clock;
    this.zone = bankTime.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution) == null ? "" : COMPLAINT_NUMBER.get(execution).strip();
    ReferralRequest request = new ReferralRequest(REFERRAL_BODY.get(execution), REFERRAL_ORGANISATION.get(execution),
        REFERRAL_REFERENCE.get(execution), REFERRED_AT_TEXT.get(execution), RESPONSE_DUE_AT_TEXT.get(execution));
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, String> problems = request.problems(now, zone);
    ComplaintRecord complaint = number.isEmpty() ? null : complaints.find(number).orElse(null);
    String numberProblem = number.isEmpty() ? "is required" : complaint == null ? "names no complaint: " + number : null;
    if (numberProblem != null || !problems.isEmpty()) {
      String faults = (numberProblem == null ? "" : "Complaint number / 投诉编号 (complaintNumber) " + numberProblem
          + (problems.isEmpty() ? "" : "; ")) + problems.entrySet().stream()
          .map(problem -> FORM_FIELDS.get(problem.getKey()) + " " + problem.getValue())
          .collect(Collectors.joining("; "));
      throw new TaskActionRefusedException("The referral was not registered: " + faults
          + ". / 外部转介未登记，请更正上述字段。", HttpStatus.BAD_REQUEST);
    }
    ExternalReferral.Registration referral = request.registration(zone);
    OffsetDateTime caseFileDueAt = deadlines.caseFileDueAt(referral);
    String user = EngineUser.id(execution.getProcessEngineServices().getIdentityService());
    long id = referrals.insert(number, referral, caseFileDueAt, user, now);
    execution.setProcessBusinessKey(number);
    EXTERNAL_REFERRAL_ID.set(execution, id);
    COMPLAINT_NUMBER.set(execution, number);
    CASE_FILE_DUE_AT.set(execution, Date.from(caseFileDueAt.toInstant()));
    CASE_FILE_DUE_AT_TEXT.set(execution, DISPLAY.withZone(zone).format(caseFileDueAt) + " (" + zone.getId() + ")");
    REFERRAL_RESPONSE_DUE_AT.set(execution,
        referral.responseDueAt() == null ? null : Date.from(referral.responseDueAt().toInstant()));
    // what the tasks' names and case headers show
    CUSTOMER_NAME.set(execution, complaint.customerName());
    CUSTOMER_VULNERABLE.set(execution, complaint.customerVulnerable());
    PRODUCT.set(execution, complaint.product().name());
    PRODUCT_LABEL.set(execution, complaint.product().label());
    ISSUE.set(execution, complaint.issue());
    CATEGORY.set(execution, complaint.category());
    RECEIVED_AT.set(execution, Date.from(complaint.receivedAt().toInstant()));
    DISPUTED_CURRENCY.set(execution, complaint.disputedCurrency());
  }
}

package io.disputeflow.reopening;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ReopeningProcess.REOPENED_DUE_TEXT;
import static io.disputeflow.process.ReopeningProcess.REOPENING_GROUND;
import static io.disputeflow.process.ReopeningProcess.REOPENING_REASON;

import io.disputeflow.complaint.CaseNotClosedException;
import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Reopening;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.refusal.TaskActionRefusedException;
import io.disputeflow.time.BankTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * service_reopen_complaint: the Tasklist start form "Reopen complaint" asks {@link Reopenings} exactly what the
 * API asks, in the transaction that starts the form's process; a refusal names every field at fault and rolls
 * the start back. Afterwards the new decision deadline is kept for the note to who reopened the case.
 */
@Component
class ReopenComplaintDelegate implements JavaDelegate {

  private static final String NUMBER_FIELD = "Complaint number / 投诉编号 (complaintNumber) ";
  private static final String GROUND_FIELD = "Ground / 重新处理事由 (reopeningGround) ";
  private static final String REASON_FIELD = "Reason / 说明 (reopeningReason) ";

  private final Reopenings reopenings;
  private final ComplaintRepository complaints;
  private final DateTimeFormatter format;

  ReopenComplaintDelegate(Reopenings reopenings, ComplaintRepository complaints,
      BankTime bankTime) {
    ZoneId zone = bankTime.zone();
    this.reopenings = reopenings;
    this.complaints = complaints;
    this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(" + zone.getId() + ")'").withZone(zone);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = trimmed(COMPLAINT_NUMBER.get(execution));
    String ground = trimmed(REOPENING_GROUND.get(execution));
    String reason = trimmed(REOPENING_REASON.get(execution));
    List<String> faults = new ArrayList<>();
    if (number.isEmpty()) {
      faults.add(NUMBER_FIELD + "is required");
    }
    if (Arrays.stream(Reopening.Ground.values()).noneMatch(g -> g.name().equals(ground))) {
      faults.add(GROUND_FIELD + "must be one of " + Arrays.toString(Reopening.Ground.values()));
    }
    if (reason.isEmpty()) {
      faults.add(REASON_FIELD + "is required");
    } else if (reason.length() > Reopenings.MAX_REASON) {
      faults.add(REASON_FIELD + "is longer than " + Reopenings.MAX_REASON + " characters");
    }
    if (!faults.isEmpty()) {
      throw refused(String.join("; ", faults));
    }
    String user = EngineUser.id(execution.getProcessEngineServices().getIdentityService());
    try {
      reopenings.reopen(number, Reopening.Ground.valueOf(ground), reason, user);
    } catch (ComplaintNotFoundException unknown) {
      throw refused(NUMBER_FIELD + "names no complaint: " + number);
    } catch (CaseNotClosedException notClosed) {
      throw refused(NUMBER_FIELD + "cannot be reopened: " + notClosed.getMessage());
    }
    ComplaintRecord reopened = complaints.find(number).orElseThrow();
    // the case's timeline shows who reopened it in Tasklist, with the form's values
    execution.setProcessBusinessKey(number);
    COMPLAINT_NUMBER.set(execution, number);
    CUSTOMER_NAME.set(execution, reopened.customerName());
    REOPENED_DUE_TEXT.set(execution, reopened.decisionDueAt() == null ? null : format.format(reopened.decisionDueAt()));
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.strip();
  }

  private static TaskActionRefusedException refused(String faults) {
    return new TaskActionRefusedException("The complaint was not reopened: " + faults
        + ". / 投诉未重新处理，请更正上述字段。", HttpStatus.BAD_REQUEST);
  }
}

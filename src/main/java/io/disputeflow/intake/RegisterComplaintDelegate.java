package io.disputeflow.intake;

import static io.disputeflow.process.ComplaintRegistrationProcess.REGISTRATION_OUTCOME;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.PRODUCT_LABEL;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;

import io.disputeflow.engine.EngineUser;
import io.disputeflow.refusal.TaskActionRefusedException;
import jakarta.validation.Validator;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * service_register_complaint: takes the Tasklist start form's complaint in through
 * {@link IntakeService}, as POST /api/complaints does, in the transaction that starts the
 * registration. A refusal names every field at fault and rolls the whole start back: no
 * registration instance, no complaint, no number (numbers are drawn only after validation).
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

  private final IntakeService intake;
  private final Validator validator;
  private final Registrations registrations;

  RegisterComplaintDelegate(IntakeService intake, Validator validator, Registrations registrations) {
    this.intake = intake;
    this.validator = validator;
    this.registrations = registrations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeskRegistration.Result form = DeskRegistration.read(execution, validator);
    if (!form.problems().isEmpty()) {
      throw new TaskActionRefusedException("The complaint was not registered: " + joined(form, "; ")
          + ". / 投诉未登记：" + joined(form, "；") + "。", HttpStatus.BAD_REQUEST);
    }
    IntakeResult result = intake.submit(form.submission());
    var complaint = result.complaint();
    registrations.recordRegisteredBy(complaint.complaintNumber(), result.outcome(),
        EngineUser.id(execution.getProcessEngineServices().getIdentityService()));
    COMPLAINT_NUMBER.set(execution, complaint.complaintNumber());
    REGISTRATION_OUTCOME.set(execution, result.outcome().name());
    PRODUCT_LABEL.set(execution, complaint.product().label());
    RECEIVED_AT.set(execution, Date.from(complaint.receivedAt().toInstant()));
    if (complaint.decisionDueAt() != null) {
      DECISION_DUE_AT.set(execution, Date.from(complaint.decisionDueAt().toInstant()));
    }
  }

  private static String joined(DeskRegistration.Result form, String separator) {
    return form.problems().stream().map(DeskRegistration.Problem::toString).collect(Collectors.joining(separator));
  }
}

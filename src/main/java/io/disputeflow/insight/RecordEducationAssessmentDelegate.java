package io.disputeflow.insight;

import static io.disputeflow.process.FinancialEducationProcess.ASSESSMENT_NOTES;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_EFFECTIVE;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_education_assessment: the assessor's verdict on the action's effect goes on file; the action is done. */
@Component
class RecordEducationAssessmentDelegate implements JavaDelegate {

  private final EducationActionRepository actions;
  private final Clock clock;

  RecordEducationAssessmentDelegate(EducationActionRepository actions, Clock clock) {
    this.actions = actions;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Boolean effective = EDUCATION_EFFECTIVE.get(execution);
    if (effective == null) {
      throw EducationForms.refused("educationEffective is required");
    }
    String notes = EducationForms.text(ASSESSMENT_NOTES.get(execution), "assessmentNotes", true, 4000);
    actions.recordAssessment(execution.getProcessBusinessKey(), effective, notes, EducationForms.user(execution),
        OffsetDateTime.now(clock));
  }
}

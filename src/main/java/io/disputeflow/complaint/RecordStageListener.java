package io.disputeflow.complaint;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** On entering a stage's call activity, the complaint record shows that stage. */
@Component
class RecordStageListener implements ExecutionListener {

  private final ComplaintRepository complaints;

  RecordStageListener(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Stage stage = Stage.ofCallActivity(execution.getCurrentActivityId())
        .orElseThrow(() -> new IllegalStateException(execution.getCurrentActivityId() + " is not a stage"));
    complaints.updateStage(COMPLAINT_NUMBER.get(execution), stage);
  }
}

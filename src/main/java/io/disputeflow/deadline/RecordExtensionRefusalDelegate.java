package io.disputeflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_extension_refusal: a refused extension is kept on file with who refused it and why. */
@Component
class RecordExtensionRefusalDelegate implements JavaDelegate {

  private final DeadlineExtension clock;

  RecordExtensionRefusalDelegate(DeadlineExtension clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clock.refuseExtension(execution);
  }
}

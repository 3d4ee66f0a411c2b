package io.disputeflow.complaint;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** service_close_complaint / service_close_inquiry: the case is closed in the record. */
@Component
class CloseComplaintDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final ApplicationEventPublisher events;

  CloseComplaintDelegate(ComplaintRepository complaints, ApplicationEventPublisher events) {
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    complaints.close(number);
    events.publishEvent(new ComplaintClosed(number));
  }
}

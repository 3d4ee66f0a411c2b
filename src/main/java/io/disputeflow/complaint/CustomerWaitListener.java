package io.disputeflow.complaint;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** While the engine waits for the customer, searches find the case as AWAITING_CUSTOMER. */
@Component
class CustomerWaitListener implements ExecutionListener {

  private final ComplaintRepository complaints;

  CustomerWaitListener(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ComplaintStatus status = EVENTNAME_START.equals(execution.getEventName())
        ? ComplaintStatus.AWAITING_CUSTOMER : ComplaintStatus.OPEN;
    complaints.updateStatus(COMPLAINT_NUMBER.get(execution), status);
  }
}

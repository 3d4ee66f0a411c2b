package io.disputeflow.redress;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.RedressPaymentProcess.FURTHER_REDRESS_ID;
import static io.disputeflow.process.RedressPaymentProcess.PAYMENT_ACCOUNT;

import io.disputeflow.complaint.RedressRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** user_resolve_failed_payment, on complete: the coordinator's corrected account; the payment is due again. */
@Component
class RetryRedressPaymentListener implements TaskListener {

  private final RedressRepository redress;

  RetryRedressPaymentListener(RedressRepository redress) {
    this.redress = redress;
  }

  @Override
  public void notify(DelegateTask task) {
    redress.retry(COMPLAINT_NUMBER.get(task.getExecution()), FURTHER_REDRESS_ID.get(task.getExecution()),
        PAYMENT_ACCOUNT.get(task.getExecution()));
  }
}

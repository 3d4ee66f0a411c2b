package io.disputeflow.withdrawal;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.WITHDRAWAL_ENDED_TASKS;
import static io.disputeflow.process.ComplaintVariables.WITHDRAWAL_REASON;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Withdrawal;
import io.disputeflow.complaint.WithdrawalRepository;
import io.disputeflow.correspondence.LetterService;
import io.disputeflow.engine.EngineUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_record_withdrawal: the case was withdrawn (its open work has already ended): the record says
 * WITHDRAWN with the stage it was in, and the customer gets a confirmation letter.
 */
@Component
class RecordWithdrawalDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final WithdrawalRepository withdrawals;
  private final LetterService letters;
  private final Clock clock;

  RecordWithdrawalDelegate(ComplaintRepository complaints, WithdrawalRepository withdrawals, LetterService letters,
      Clock clock) {
    this.complaints = complaints;
    this.withdrawals = withdrawals;
    this.letters = letters;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    String reason = WITHDRAWAL_REASON.get(execution);
    ComplaintRecord complaint = complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    String user = EngineUser.id(execution.getProcessEngineServices().getIdentityService());
    withdrawals.insert(number, new Withdrawal(reason, user, OffsetDateTime.now(clock),
        complaint.stage(), WITHDRAWAL_ENDED_TASKS.get(execution)));
    complaints.withdraw(number);
    letters.queueWithdrawalConfirmation(number, reason, complaint.decidedAt() != null);
  }
}

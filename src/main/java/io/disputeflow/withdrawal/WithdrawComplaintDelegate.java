package io.disputeflow.withdrawal;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ComplaintVariables.WITHDRAWAL_ENDED_TASKS;
import static io.disputeflow.process.ComplaintVariables.WITHDRAWAL_REASON;
import static io.disputeflow.process.WithdrawalProcess.WITHDRAWAL_CONFIRMED;
import static io.disputeflow.process.WithdrawalProcess.WITHDRAWN_STAGE_TEXT;

import io.disputeflow.complaint.CaseEndedException;
import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Stage;
import io.disputeflow.complaint.Withdrawal;
import io.disputeflow.complaint.WithdrawalRepository;
import io.disputeflow.refusal.TaskActionRefusedException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * service_withdraw_complaint: the Tasklist start form "Record withdrawal" asks {@link Withdrawals} exactly
 * what the API's withdrawal endpoint asks, in the transaction that starts the form's process; a refusal
 * names the form's field and rolls the start back. Afterwards what the withdrawal ended is kept on the
 * instance for the note to who recorded it.
 */
@Component
class WithdrawComplaintDelegate implements JavaDelegate {

  static final int MAX_REASON = 2000;
  private static final String NUMBER_FIELD = "Complaint number / 投诉编号 (complaintNumber) ";
  private static final String REASON_FIELD = "Customer's reason / 客户撤回原因 (withdrawalReason) ";
  private static final String CONFIRMED_FIELD =
      "The customer asked for the withdrawal themselves / 撤回系客户本人提出 (withdrawalConfirmed) ";
  private static final Map<Stage, String> STAGES = Map.of(Stage.INTAKE, "Intake / 受理",
      Stage.INVESTIGATION, "Investigation / 调查核实", Stage.DEPARTMENT_REVIEW, "Department review / 部门复核",
      Stage.LEGAL_CONSULTATION, "Legal consultation / 法律咨询", Stage.RESOLUTION, "Resolution / 处理决定", Stage.REDRESS_PAYMENT, "Redress payment / 赔付",
      Stage.FEEDBACK, "Feedback / 回访", Stage.CLOSED, "Closed / 已办结");

  private final Withdrawals withdrawals;
  private final WithdrawalRepository records;
  private final ComplaintRepository complaints;

  WithdrawComplaintDelegate(Withdrawals withdrawals, WithdrawalRepository records, ComplaintRepository complaints) {
    this.withdrawals = withdrawals;
    this.records = records;
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution) == null ? "" : COMPLAINT_NUMBER.get(execution).trim();
    if (number.isEmpty()) {
      throw refused(NUMBER_FIELD + "is required", "请填写投诉编号");
    }
    String reason = WITHDRAWAL_REASON.get(execution) == null ? "" : WITHDRAWAL_REASON.get(execution).trim();
    if (reason.isEmpty()) {
      throw refused(REASON_FIELD + "is required", "请填写客户撤回原因");
    }
    if (reason.length() > MAX_REASON) {
      throw refused(REASON_FIELD + "is longer than " + MAX_REASON + " characters", "原因不得超过" + MAX_REASON + "字");
    }
    if (!Boolean.TRUE.equals(WITHDRAWAL_CONFIRMED.get(execution))) {
      throw refused(CONFIRMED_FIELD + "must be confirmed: only the customer may withdraw a complaint",
          "仅客户本人可撤回投诉，请确认");
    }
    try {
      withdrawals.withdraw(number, reason);
    } catch (ComplaintNotFoundException unknown) {
      throw refused(NUMBER_FIELD + "names no complaint: " + number, "没有编号为 " + number + " 的投诉");
    } catch (CaseEndedException ended) {
      throw refused(NUMBER_FIELD + "cannot be withdrawn: " + ended.getMessage(), "该投诉已办结或已撤回");
    }
    Withdrawal withdrawal = records.latest(number).orElseThrow();
    COMPLAINT_NUMBER.set(execution, number);
    CUSTOMER_NAME.set(execution, complaints.find(number).orElseThrow().customerName());
    WITHDRAWN_STAGE_TEXT.set(execution, STAGES.get(withdrawal.stage()));
    WITHDRAWAL_ENDED_TASKS.set(execution, withdrawal.endedTasks());
  }

  private static TaskActionRefusedException refused(String english, String chinese) {
    return new TaskActionRefusedException("The complaint was not withdrawn: " + english
        + ". / 投诉未撤回：" + chinese + "。", HttpStatus.BAD_REQUEST);
  }
}

package io.disputeflow.process;

/**
 * processes/complaint-withdrawal.bpmn: a coordinator records in Tasklist that a customer withdrew a
 * complaint (撤回). It goes through the same checks as the API (complaint/Withdrawals) in the start's own
 * transaction; what the withdrawal ended is shown to who recorded it.
 */
public final class WithdrawalProcess {
  public static final String KEY = "complaint-withdrawal";

  public static final String START_WITHDRAWAL_RECORDED = "start_withdrawal_recorded";
  public static final String SERVICE_WITHDRAW_COMPLAINT = "service_withdraw_complaint";
  public static final String USER_SEE_WITHDRAWAL = "user_see_withdrawal";
  public static final String END_WITHDRAWAL_DONE = "end_withdrawal_done";

  /** The coordinator confirms the customer asked for it themselves. */
  public static final ProcessVariable<Boolean> WITHDRAWAL_CONFIRMED = ProcessVariable.bool("withdrawalConfirmed");
  public static final ProcessVariable<String> WITHDRAWN_STAGE_TEXT = ProcessVariable.string("withdrawnStageText");

  private WithdrawalProcess() {}
}

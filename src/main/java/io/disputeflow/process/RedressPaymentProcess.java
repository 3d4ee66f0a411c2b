package io.disputeflow.process;

import java.math.BigDecimal;
import java.util.Date;

/**
 * processes/redress-payment.bpmn, called by complaint-handling once the decision is final: the
 * compensation it grants is paid by the accounts department by its due date; a late payment goes to the
 * supervisor, a failed one back to the coordinator. The case moves on (survey, closing) only once paid.
 */
public final class RedressPaymentProcess {
  public static final String KEY = "redress-payment";

  public static final String SERVICE_WORK_OUT_REDRESS = "service_work_out_redress";
  public static final String USER_PAY_REDRESS = "user_pay_redress";
  public static final String TIMER_REDRESS_OVERDUE = "timer_redress_overdue";
  public static final String USER_CHASE_REDRESS_PAYMENT = "user_chase_redress_payment";
  public static final String END_REDRESS_PAYMENT_CHASED = "end_redress_payment_chased";
  public static final String SERVICE_RECORD_REDRESS_PAID = "service_record_redress_paid";
  public static final String SERVICE_RECORD_FAILED_PAYMENT = "service_record_failed_payment";
  public static final String USER_RESOLVE_FAILED_PAYMENT = "user_resolve_failed_payment";
  public static final String END_REDRESS_PAID = "end_redress_paid";
  public static final String END_NO_REDRESS_OWED = "end_no_redress_owed";

  public static final ProcessVariable<Boolean> REDRESS_OWED = ProcessVariable.bool("redressOwed");
  public static final ProcessVariable<BigDecimal> REDRESS_AMOUNT = ProcessVariable.amount("redressAmount");
  public static final ProcessVariable<String> REDRESS_CURRENCY = ProcessVariable.string("redressCurrency");
  public static final ProcessVariable<Date> REDRESS_DUE_AT = ProcessVariable.date("redressDueAt");
  /** The customer's account to credit: the accounts department's entry, corrected by the coordinator after a failure. */
  public static final ProcessVariable<String> PAYMENT_ACCOUNT = ProcessVariable.string("paymentAccount");
  /** PAID or FAILED. */
  public static final ProcessVariable<String> PAYMENT_OUTCOME = ProcessVariable.string("paymentOutcome");
  public static final ProcessVariable<String> PAYMENT_REFERENCE = ProcessVariable.string("paymentReference");
  public static final ProcessVariable<String> PAYMENT_FAILURE_REASON = ProcessVariable.string("paymentFailureReason");
  public static final ProcessVariable<String> FAILED_PAYMENT_NOTES = ProcessVariable.string("failedPaymentNotes");
  /**
   * A redress beyond the case's first (an outside referral's outcome, a reopened case's new decision): its
   * row of further_redress_payment; absent for the redress of the case's decision.
   */
  public static final ProcessVariable<Long> FURTHER_REDRESS_ID = ProcessVariable.integer("furtherRedressId");
  public static final ProcessVariable<String> REDRESS_CHASE_NOTES = ProcessVariable.string("redressChaseNotes");

  private RedressPaymentProcess() {}
}

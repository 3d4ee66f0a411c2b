package io.disputeflow.process;

import java.math.BigDecimal;
import java.util.Date;

/**
 * processes/external-referral.bpmn: one referral of a dispute to an outside body (business key = complaint
 * number). The coordinator sends the case file by its due date (late: the supervisor chases it), then
 * records the body's outcome; further redress it awards is paid through redress-payment.
 */
public final class ExternalReferralProcess {
  public static final String KEY = "external-referral";

  public static final String START_REFERRAL_REGISTERED = "start_referral_registered";
  public static final String SERVICE_REGISTER_REFERRAL = "service_register_referral";
  public static final String USER_SEND_CASE_FILE = "user_send_case_file";
  public static final String TIMER_CASE_FILE_OVERDUE = "timer_case_file_overdue";
  public static final String USER_CHASE_CASE_FILE = "user_chase_case_file";
  public static final String END_CASE_FILE_CHASED = "end_case_file_chased";
  public static final String SERVICE_RECORD_CASE_FILE_SENT = "service_record_case_file_sent";
  public static final String USER_RECORD_REFERRAL_OUTCOME = "user_record_referral_outcome";
  public static final String SERVICE_RECORD_REFERRAL_OUTCOME = "service_record_referral_outcome";
  public static final String CALL_FURTHER_REDRESS = "call_further_redress";
  public static final String END_REFERRAL_CONCLUDED = "end_referral_concluded";
  public static final String END_FURTHER_REDRESS_PAID = "end_further_redress_paid";

  /** Set once the referral is recorded (by the API before the start, or by the start form's step). */
  public static final ProcessVariable<Long> EXTERNAL_REFERRAL_ID = ProcessVariable.integer("externalReferralId");
  public static final ProcessVariable<String> REFERRAL_BODY = ProcessVariable.string("referralBody");
  public static final ProcessVariable<String> REFERRAL_ORGANISATION = ProcessVariable.string("referralOrganisation");
  public static final ProcessVariable<String> REFERRAL_REFERENCE = ProcessVariable.string("referralReference");
  /** The start form's date-times, as typed (ISO, e.g. 2026-03-05T10:00+08:00); the API passes dates. */
  public static final ProcessVariable<String> REFERRED_AT_TEXT = ProcessVariable.string("referredAtText");
  public static final ProcessVariable<String> RESPONSE_DUE_AT_TEXT = ProcessVariable.string("responseDueAtText");
  public static final ProcessVariable<Date> CASE_FILE_DUE_AT = ProcessVariable.date("caseFileDueAt");
  public static final ProcessVariable<String> CASE_FILE_DUE_AT_TEXT = ProcessVariable.string("caseFileDueAtText");
  /** The body's own deadline for its answer, when it set one. */
  public static final ProcessVariable<Date> REFERRAL_RESPONSE_DUE_AT = ProcessVariable.date("referralResponseDueAt");
  public static final ProcessVariable<String> CASE_FILE_NOTES = ProcessVariable.string("caseFileNotes");
  /** SETTLED, UPHELD_FOR_CUSTOMER, REJECTED or WITHDRAWN. */
  public static final ProcessVariable<String> REFERRAL_OUTCOME = ProcessVariable.string("referralOutcome");
  public static final ProcessVariable<String> REFERRAL_OUTCOME_NOTES = ProcessVariable.string("referralOutcomeNotes");
  /** The further redress the outcome awards (the bank pays it through redress-payment); none: no payment. */
  public static final ProcessVariable<BigDecimal> FURTHER_REDRESS_AMOUNT = ProcessVariable.amount("furtherRedressAmount");
  public static final ProcessVariable<Boolean> FURTHER_REDRESS_OWED = ProcessVariable.bool("furtherRedressOwed");
  public static final ProcessVariable<String> CHASE_CASE_FILE_NOTES = ProcessVariable.string("chaseCaseFileNotes");

  private ExternalReferralProcess() {}
}

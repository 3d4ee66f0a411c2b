package io.disputeflow.process;

import java.util.Date;

/**
 * processes/policy-improvement.bpmn (溯源整改): the owning department analyses a root cause and fixes
 * it (where customers misunderstand a product, it also opens a financial-education action); after a while the
 * supervisor or the head of consumer protection verifies the fix worked.
 * Business key {@code PI-<DEPARTMENT>-<id>}.
 */
public final class PolicyImprovementProcess {
  public static final String KEY = "policy-improvement";

  public static final String START_IMPROVEMENT_STARTED = "start_improvement_started";
  public static final String USER_ANALYSE_ROOT_CAUSE = "user_analyse_root_cause";
  /** Customers misunderstand the product: the analysis opens a financial-education action (financial-education). */
  public static final String XOR_EDUCATION_NEEDED = "xor_education_needed";
  public static final String SERVICE_OPEN_EDUCATION_ACTION = "service_open_education_action";
  public static final String XOR_FIX_AGAIN = "xor_fix_again";
  public static final String USER_IMPLEMENT_FIX = "user_implement_fix";
  public static final String SERVICE_RECORD_FIX = "service_record_fix";
  public static final String TIMER_VERIFICATION_DUE = "timer_verification_due";
  public static final String SERVICE_MEASURE_RECURRENCE = "service_measure_recurrence";
  public static final String USER_VERIFY_FIX = "user_verify_fix";
  public static final String SERVICE_RECORD_VERIFICATION = "service_record_verification";
  public static final String XOR_FIX_EFFECTIVE = "xor_fix_effective";
  public static final String END_IMPROVEMENT_DONE = "end_improvement_done";

  /** The owning department's candidate group, e.g. dept-cards: it analyses and fixes. */
  public static final ProcessVariable<String> DEPARTMENT = ProcessVariable.string("department");
  public static final ProcessVariable<String> DEPARTMENT_LABEL = ProcessVariable.string("departmentLabel");
  public static final ProcessVariable<String> ROOT_CAUSE = ProcessVariable.string("rootCause");
  public static final ProcessVariable<String> ROOT_CAUSE_LABEL = ProcessVariable.string("rootCauseLabel");
  /** SYSTEMIC (the coordinator marked the cause systemic) or REPEATED (threshold reached in the window). */
  public static final ProcessVariable<String> TRIGGER_REASON = ProcessVariable.string("triggerReason");
  /** Markdown list of the linked complaints, for the forms; the link table is the record. */
  public static final ProcessVariable<String> LINKED_COMPLAINTS = ProcessVariable.string("linkedComplaints");
  public static final ProcessVariable<Long> LINKED_COMPLAINT_COUNT = ProcessVariable.integer("linkedComplaintCount");
  /** ISO-8601 duration between the fix and its verification (timer_verification_due). */
  public static final ProcessVariable<String> VERIFY_AFTER = ProcessVariable.string("verifyAfter");

  public static final ProcessVariable<String> ANALYSIS = ProcessVariable.string("analysis");
  public static final ProcessVariable<String> ACTION_PLAN = ProcessVariable.string("actionPlan");
  public static final ProcessVariable<String> FIX_DESCRIPTION = ProcessVariable.string("fixDescription");
  public static final ProcessVariable<Date> FIXED_AT = ProcessVariable.date("fixedAt");
  /** Complaints closed with the same root cause and department in the period before and since the fix. */
  public static final ProcessVariable<Long> RECURRENCE_BEFORE_FIX = ProcessVariable.integer("recurrenceBeforeFix");
  public static final ProcessVariable<Long> RECURRENCE_SINCE_FIX = ProcessVariable.integer("recurrenceSinceFix");
  public static final ProcessVariable<Boolean> FIX_EFFECTIVE = ProcessVariable.bool("fixEffective");
  public static final ProcessVariable<String> VERIFICATION_NOTES = ProcessVariable.string("verificationNotes");
  /** Who completed the task just before a recording step (set by recordCompletedByListener). */
  public static final ProcessVariable<String> COMPLETED_BY = ProcessVariable.string("completedBy");

  private PolicyImprovementProcess() {}
}

package io.disputeflow.process;

import java.util.Date;

/**
 * processes/financial-education.bpmn (客户教育、宣传): a policy improvement found that customers misunderstand
 * a product; the owning department plans an education action for them and records when it was held and
 * whom it reached; ninety days later its effect on new complaints of that product and root cause is
 * measured and the supervisor or the head of consumer protection assesses it, and may have another action
 * follow. Business key {@code EA-<id>}.
 */
public final class FinancialEducationProcess {
  public static final String KEY = "financial-education";

  public static final String START_EDUCATION_OPENED = "start_education_opened";
  public static final String USER_PLAN_EDUCATION_ACTION = "user_plan_education_action";
  public static final String SERVICE_RECORD_EDUCATION_PLAN = "service_record_education_plan";
  public static final String USER_RECORD_EDUCATION_DELIVERY = "user_record_education_delivery";
  public static final String SERVICE_RECORD_EDUCATION_DELIVERY = "service_record_education_delivery";
  public static final String TIMER_EFFECT_DUE = "timer_effect_due";
  public static final String SERVICE_MEASURE_EDUCATION_EFFECT = "service_measure_education_effect";
  public static final String USER_ASSESS_EDUCATION_EFFECT = "user_assess_education_effect";
  public static final String SERVICE_RECORD_EDUCATION_ASSESSMENT = "service_record_education_assessment";
  public static final String XOR_ANOTHER_ACTION = "xor_another_action";
  public static final String SERVICE_OPEN_FOLLOW_UP_ACTION = "service_open_follow_up_action";
  public static final String END_EDUCATION_DONE = "end_education_done";
  public static final String END_EDUCATION_FOLLOWED_UP = "end_education_followed_up";

  /** The product customers misunderstand (a Product name); its label for the forms. */
  public static final ProcessVariable<String> EDUCATION_PRODUCT = ProcessVariable.string("educationProduct");
  public static final ProcessVariable<String> EDUCATION_PRODUCT_LABEL = ProcessVariable.string("educationProductLabel");
  /** The policy improvement (PI-...) that opened the first action; follow-ups keep it. */
  public static final ProcessVariable<String> IMPROVEMENT_KEY = ProcessVariable.string("improvementKey");

  /** The plan: who is to be reached, how, with what, and when. */
  public static final ProcessVariable<String> EDUCATION_AUDIENCE = ProcessVariable.string("educationAudience");
  /** BRANCH_TALK, APP_NOTICE, COMMUNITY_EVENT, WECHAT_ARTICLE, SMS, MEDIA or OTHER. */
  public static final ProcessVariable<String> EDUCATION_CHANNEL = ProcessVariable.string("educationChannel");
  public static final ProcessVariable<String> EDUCATION_MATERIALS = ProcessVariable.string("educationMaterials");
  /** The planned date, as the form's date field gives it (yyyy-MM-dd). */
  public static final ProcessVariable<String> EDUCATION_PLANNED_ON = ProcessVariable.string("educationPlannedOn");
  /** The delivery task falls due a few working days after the planned date. */
  public static final ProcessVariable<Date> DELIVERY_DUE_AT = ProcessVariable.date("deliveryDueAt");

  /** The delivery: when it was held (yyyy-MM-dd), how many people it reached, notes. */
  public static final ProcessVariable<String> EDUCATION_HELD_ON = ProcessVariable.string("educationHeldOn");
  public static final ProcessVariable<Long> EDUCATION_REACH = ProcessVariable.integer("educationReach");
  public static final ProcessVariable<String> DELIVERY_NOTES = ProcessVariable.string("deliveryNotes");
  /** When its effect is measured: the day it was held plus the verification period (timer_effect_due). */
  public static final ProcessVariable<Date> EFFECT_DUE_AT = ProcessVariable.date("effectDueAt");

  /** Complaints of the product and root cause closed in the period before and since the action. */
  public static final ProcessVariable<Long> COMPLAINTS_BEFORE = ProcessVariable.integer("complaintsBeforeEducation");
  public static final ProcessVariable<Long> COMPLAINTS_SINCE = ProcessVariable.integer("complaintsSinceEducation");

  public static final ProcessVariable<Boolean> EDUCATION_EFFECTIVE = ProcessVariable.bool("educationEffective");
  public static final ProcessVariable<String> ASSESSMENT_NOTES = ProcessVariable.string("assessmentNotes");
  /** The assessor wants another action to follow (xor_another_action). */
  public static final ProcessVariable<Boolean> ANOTHER_ACTION = ProcessVariable.bool("anotherAction");

  private FinancialEducationProcess() {}
}

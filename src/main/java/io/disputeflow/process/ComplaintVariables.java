package io.disputeflow.process;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;

/** The process variables of a complaint, shared by every model of DisputeFlow. */
public final class ComplaintVariables {

  public static final ProcessVariable<String> COMPLAINT_NUMBER = ProcessVariable.string("complaintNumber");
  public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.string("customerName");
  public static final ProcessVariable<Boolean> CUSTOMER_VULNERABLE = ProcessVariable.bool("customerVulnerable");
  public static final ProcessVariable<Long> CUSTOMER_AGE = ProcessVariable.integer("customerAge");
  public static final ProcessVariable<String> PRODUCT = ProcessVariable.string("product");
  public static final ProcessVariable<String> PRODUCT_LABEL = ProcessVariable.string("productLabel");
  public static final ProcessVariable<String> ISSUE = ProcessVariable.string("issue");
  /** An excerpt that fits an engine string variable; the full text is in the complaint record. */
  public static final ProcessVariable<String> NARRATIVE = ProcessVariable.string("narrative");
  public static final ProcessVariable<String> CHANNEL = ProcessVariable.string("channel");
  public static final ProcessVariable<Date> RECEIVED_AT = ProcessVariable.date("receivedAt");
  public static final ProcessVariable<BigDecimal> DISPUTED_AMOUNT = ProcessVariable.amount("disputedAmount");
  public static final ProcessVariable<String> DISPUTED_CURRENCY = ProcessVariable.string("disputedCurrency");
  public static final ProcessVariable<Boolean> INQUIRY_ONLY = ProcessVariable.bool("inquiryOnly");

  public static final ProcessVariable<String> CATEGORY = ProcessVariable.string("category");
  public static final ProcessVariable<String> PRIORITY = ProcessVariable.string("priority");
  public static final ProcessVariable<List<String>> DEPARTMENTS = ProcessVariable.stringList("departments");
  public static final ProcessVariable<String> DEPARTMENT_NAMES = ProcessVariable.string("departmentNames");
  public static final ProcessVariable<Boolean> LEGAL_NEEDED = ProcessVariable.bool("legalNeeded");

  public static final ProcessVariable<String> REGIME = ProcessVariable.string("regime");
  /** What intake was told of an electronic fund transfer (Regulation E rows of deadline-policy). */
  public static final ProcessVariable<Boolean> TRANSFER_NEW_ACCOUNT = ProcessVariable.bool("transferNewAccount");
  /** Regulation Z: the day of the month the card account's statement closes (intake's billingCycle), or null. */
  public static final ProcessVariable<Long> BILLING_CYCLE_CLOSING_DAY = ProcessVariable.integer("billingCycleClosingDay");
  public static final ProcessVariable<Boolean> TRANSFER_POINT_OF_SALE = ProcessVariable.bool("transferPointOfSale");
  public static final ProcessVariable<Boolean> TRANSFER_FOREIGN_INITIATED = ProcessVariable.bool("transferForeignInitiated");
  public static final ProcessVariable<Date> DECISION_DUE_AT = ProcessVariable.date("decisionDueAt");
  /** The decision period granted so far, counted from receipt: the policy's, or the approved extension's (P30D). */
  public static final ProcessVariable<String> DECISION_PERIOD = ProcessVariable.string("decisionPeriod");
  public static final ProcessVariable<String> CONTEST_WITHIN = ProcessVariable.string("contestWithin");
  public static final ProcessVariable<String> SURVEY_WITHIN = ProcessVariable.string("surveyWithin");
  public static final ProcessVariable<String> REVERIFICATION_WITHIN = ProcessVariable.string("reverificationWithin");
  public static final ProcessVariable<String> WARN_BEFORE = ProcessVariable.string("warnBefore");
  /** The whole decision period from receipt after the first/second extension (deadline-policy extendedTo, furtherExtendedTo). */
  public static final ProcessVariable<String> FIRST_EXTENSION = ProcessVariable.string("firstExtension");
  public static final ProcessVariable<String> SECOND_EXTENSION = ProcessVariable.string("secondExtension");
  public static final ProcessVariable<Date> DECISION_WARNING_AT = ProcessVariable.date("decisionWarningAt");
  public static final ProcessVariable<Date> REVIEW_DUE_AT = ProcessVariable.date("reviewDueAt");
  public static final ProcessVariable<Date> LEGAL_DUE_AT = ProcessVariable.date("legalDueAt");
  /** Regulation Z: when the written acknowledgement is due (deadline-policy acknowledgeWithin); null elsewhere. */
  public static final ProcessVariable<Date> ACKNOWLEDGEMENT_DUE_AT = ProcessVariable.date("acknowledgementDueAt");
  public static final ProcessVariable<Boolean> ACKNOWLEDGEMENT_ALERTED = ProcessVariable.bool("acknowledgementAlerted");
  /** Regulation E: the late result report has been alerted (once). */
  public static final ProcessVariable<Boolean> RESULT_REPORT_ALERTED = ProcessVariable.bool("resultReportAlerted");
  /** When the decision period last started: receipt, or a repeat complaint's new facts (extensions count from it). */
  public static final ProcessVariable<Date> PERIOD_STARTED_AT = ProcessVariable.date("periodStartedAt");
  public static final ProcessVariable<Date> REVERIFICATION_DUE_AT = ProcessVariable.date("reverificationDueAt");
  /** ON_TRACK, WARNING, OVERDUE or PAUSED: a Tasklist column shows it beside the due date. */
  public static final ProcessVariable<String> CLOCK_STATE = ProcessVariable.string("clockState");
  public static final ProcessVariable<Long> EXTENSIONS_USED = ProcessVariable.integer("extensionsUsed");
  public static final ProcessVariable<String> EXTENSION_REASON = ProcessVariable.string("extensionReason");
  public static final ProcessVariable<String> EXTENSION_REQUESTED_BY = ProcessVariable.string("extensionRequestedBy");
  /** Who approved or refused it: local to the request, for the step after the approval (a job). */
  public static final ProcessVariable<String> EXTENSION_DECIDED_BY = ProcessVariable.string("extensionDecidedBy");
  public static final ProcessVariable<Date> EXTENSION_REQUESTED_AT = ProcessVariable.date("extensionRequestedAt");
  public static final ProcessVariable<Boolean> EXTENSION_APPROVED = ProcessVariable.bool("extensionApproved");
  public static final ProcessVariable<String> EXTENSION_COMMENT = ProcessVariable.string("extensionComment");
  public static final ProcessVariable<String> CLOCK_PAUSE_REASON = ProcessVariable.string("clockPauseReason");

  public static final ProcessVariable<String> INQUIRY_ANSWER = ProcessVariable.string("inquiryAnswer");
  public static final ProcessVariable<String> INVESTIGATION_FINDINGS = ProcessVariable.string("investigationFindings");

  /** Element variable of the department-review multi-instance: one department group id. */
  public static final ProcessVariable<String> DEPARTMENT = ProcessVariable.string("department");
  public static final ProcessVariable<String> REVIEW_FINDINGS = ProcessVariable.string("reviewFindings");
  public static final ProcessVariable<String> REVIEW_RECOMMENDATION = ProcessVariable.string("reviewRecommendation");
  public static final ProcessVariable<String> DEPARTMENT_REVIEW_SUMMARY = ProcessVariable.string("departmentReviewSummary");

  public static final ProcessVariable<String> LEGAL_OPINION = ProcessVariable.string("legalOpinion");
  public static final ProcessVariable<String> LEGAL_RISK = ProcessVariable.string("legalRisk");

  public static final ProcessVariable<String> DECISION = ProcessVariable.string("decision");
  /**
   * The coordinator closes a UK complaint the customer accepted by the close of the third business day
   * after receipt with a summary resolution communication (FCA DISP 1.5), instead of a final response.
   */
  public static final ProcessVariable<Boolean> SUMMARY_RESOLUTION = ProcessVariable.bool("summaryResolution");
  public static final ProcessVariable<BigDecimal> COMPENSATION_AMOUNT = ProcessVariable.amount("compensationAmount");
  public static final ProcessVariable<String> DECISION_GROUNDS = ProcessVariable.string("decisionGrounds");
  public static final ProcessVariable<String> PROPOSED_BY = ProcessVariable.string("proposedBy");
  public static final ProcessVariable<String> APPROVER_GROUP = ProcessVariable.string("approverGroup");
  public static final ProcessVariable<Boolean> COMPENSATION_APPROVED = ProcessVariable.bool("compensationApproved");
  public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.string("approvalComment");

  // model-deployment-approval: a process owner's deployment waiting for a second person (not a complaint)
  public static final ProcessVariable<String> PENDING_DEPLOYMENT_ID = ProcessVariable.string("pendingDeploymentId");
  public static final ProcessVariable<String> DEPLOYMENT_NAME = ProcessVariable.string("deploymentName");
  public static final ProcessVariable<String> SUBMITTED_BY = ProcessVariable.string("submittedBy");
  public static final ProcessVariable<String> MODEL_CHANGES = ProcessVariable.string("modelChanges");
  /** A Markdown link to the diagrams of the pending deployment (ModelChangesPageController). */
  public static final ProcessVariable<String> MODEL_CHANGES_PAGE = ProcessVariable.string("modelChangesPage");
  public static final ProcessVariable<Boolean> DEPLOYMENT_APPROVED = ProcessVariable.bool("deploymentApproved");
  public static final ProcessVariable<String> DEPLOYMENT_DECISION_REASON = ProcessVariable.string("deploymentDecisionReason");
  public static final ProcessVariable<String> DEPLOYMENT_DECIDED_BY = ProcessVariable.string("deploymentDecidedBy");

  public static final ProcessVariable<Boolean> CUSTOMER_ACCEPTED = ProcessVariable.bool("customerAccepted");
  public static final ProcessVariable<String> CUSTOMER_RESPONSE_REASON = ProcessVariable.string("customerResponseReason");
  public static final ProcessVariable<String> REVERIFICATION_REASON = ProcessVariable.string("reverificationReason");
  public static final ProcessVariable<String> REVERIFICATION_OUTCOME = ProcessVariable.string("reverificationOutcome");
  public static final ProcessVariable<String> REVERIFICATION_GROUNDS = ProcessVariable.string("reverificationGrounds");
  public static final ProcessVariable<BigDecimal> REVISED_COMPENSATION_AMOUNT =
      ProcessVariable.amount("revisedCompensationAmount");
  public static final ProcessVariable<String> RESOLUTION_OUTCOME = ProcessVariable.string("resolutionOutcome");

  /** The customer's reason for withdrawing the complaint, and the open tasks the withdrawal ended. */
  public static final ProcessVariable<String> WITHDRAWAL_REASON = ProcessVariable.string("withdrawalReason");
  public static final ProcessVariable<String> WITHDRAWAL_ENDED_TASKS = ProcessVariable.string("withdrawalEndedTasks");

  public static final ProcessVariable<Long> SURVEY_SCORE = ProcessVariable.integer("surveyScore");
  public static final ProcessVariable<String> SURVEY_COMMENT = ProcessVariable.string("surveyComment");
  public static final ProcessVariable<String> FOLLOW_UP_NOTES = ProcessVariable.string("followUpNotes");
  public static final ProcessVariable<String> ROOT_CAUSE = ProcessVariable.string("rootCause");
  public static final ProcessVariable<String> ROOT_CAUSE_DEPARTMENT = ProcessVariable.string("rootCauseDepartment");
  public static final ProcessVariable<Boolean> SYSTEMIC_CAUSE = ProcessVariable.bool("systemicCause");
  public static final ProcessVariable<String> ROOT_CAUSE_NOTES = ProcessVariable.string("rootCauseNotes");

  private ComplaintVariables() {}
}

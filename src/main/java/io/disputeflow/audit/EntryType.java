package io.disputeflow.audit;

/** What a timeline entry records. */
public enum EntryType {
  COMPLAINT_RECEIVED,
  SUBMISSION_MERGED,
  PROCESS_STARTED,
  PROCESS_ENDED,
  STAGE_ENTERED,
  STAGE_LEFT,
  STEP_COMPLETED,
  STEP_CANCELLED,
  DECISION_EVALUATED,
  TASK_CREATED,
  TASK_CLAIMED,
  TASK_UNCLAIMED,
  TASK_ASSIGNED,
  TASK_DELEGATED,
  TASK_RESOLVED,
  TASK_UPDATED,
  TASK_COMPLETED,
  TASK_CANCELLED,
  DEADLINE_SET,
  DEADLINE_CHANGED,
  TIMER_FIRED,
  ESCALATION,
  EVENT,
  CUSTOMER_ACTION,
  MESSAGE_RECEIVED,
  LETTER_QUEUED,
  LETTER_SENT,
  EXTENSION_REQUESTED,
  EXTENSION_DECIDED,
  CLOCK_PAUSED,
  CLOCK_RESUMED,
  /** The customer withdrew the complaint: reason, stage, and the open tasks it ended. */
  COMPLAINT_WITHDRAWN,
  /** Who acts for the customer was recorded or changed: name, relation, authority document, contact given. */
  REPRESENTATIVE_RECORDED,
  /** The dispute was referred to an outside body (mediation, regulator, ombudsman, arbitration, court). */
  REFERRAL_REGISTERED,
  /** The coordinator sent the outside body the case file. */
  CASE_FILE_SENT,
  /** The outside body's outcome, with any further redress it awarded. */
  REFERRAL_OUTCOME,
  /** A closed case reopened: ground, reason, and what its previous life decided. */
  COMPLAINT_REOPENED,
  DOCUMENT_UPLOADED,
  DOCUMENT_DOWNLOADED,
  VARIABLE_CHANGED,
  INCIDENT_CREATED,
  INCIDENT_RESOLVED,
  INCIDENT_DELETED,
  JOB_FAILED,
  JOB_SUCCEEDED,
  OPERATION
}

package io.disputeflow.complaint;

import static io.disputeflow.process.ComplaintHandlingProcess.CALL_DEPARTMENT_REVIEW;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_FEEDBACK;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_INTAKE;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_INVESTIGATION;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_LEGAL_CONSULTATION;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_REDRESS_PAYMENT;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_RESOLUTION;

import java.util.Arrays;
import java.util.Optional;

/** The stage of the process landscape (docs/design.md) a complaint is in, one per call activity of the main process. */
public enum Stage {
  INTAKE(CALL_INTAKE),
  INVESTIGATION(CALL_INVESTIGATION),
  DEPARTMENT_REVIEW(CALL_DEPARTMENT_REVIEW),
  LEGAL_CONSULTATION(CALL_LEGAL_CONSULTATION),
  RESOLUTION(CALL_RESOLUTION),
  /** The compensation granted is being paid by the accounts department. */
  REDRESS_PAYMENT(CALL_REDRESS_PAYMENT),
  FEEDBACK(CALL_FEEDBACK),
  CLOSED(null);

  private final String callActivityId;

  Stage(String callActivityId) {
    this.callActivityId = callActivityId;
  }

  public static Optional<Stage> ofCallActivity(String activityId) {
    return Arrays.stream(values()).filter(s -> activityId.equals(s.callActivityId)).findFirst();
  }
}

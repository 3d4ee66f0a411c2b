package io.disputeflow.deadline;

/**
 * A deployed deadline-policy or regime-selection that the clock cannot use for this complaint (a
 * model deployed before deployment validation, or written into the database): no row applies, a
 * period the clock cannot count, an expression that fails. Intake keeps the complaint and turns the
 * fault into an incident on the case (intake.bpmn {@code error_deadline_model_fault}).
 */
public class DeadlineModelFault extends RuntimeException {

  /** The BPMN error code intake.bpmn catches on service_set_deadlines. */
  public static final String ERROR_CODE = "DEADLINE_MODEL_FAULT";

  DeadlineModelFault(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.disputeflow.intake;

/**
 * The deployed complaint-classification (or complaint-priority) decision cannot classify a complaint:
 * no rule applies, an expression fails, or an output the case needs is missing. Deployment validation
 * refuses such a model ({@code modeling}); one that reached the engine anyway never fails intake: the
 * complaint is recorded and the fault becomes an incident on its case.
 */
public class ClassificationModelFault extends RuntimeException {

  /** The BPMN error intake's model catches on service_classify_complaint. */
  public static final String ERROR_CODE = "CLASSIFICATION_MODEL_FAULT";

  public ClassificationModelFault(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.disputeflow.deadline;

/**
 * What service_set_deadlines does when the deployed deadline-policy or regime-selection cannot be
 * used ({@link DeadlineModelFault}): at intake it throws the BPMN error the model catches, so the
 * complaint is recorded and intake answers 201; after the catch it fails as a job, which becomes an
 * incident in Cockpit until a process owner deploys a policy that works and retries it.
 */
public enum ModelFaultHandling {
  BPMN_ERROR,
  INCIDENT
}

package io.disputeflow.process;

/** processes/investigation.bpmn: the coordinator establishes the facts. */
public final class InvestigationProcess {
  public static final String KEY = "investigation";

  public static final String USER_INVESTIGATE_COMPLAINT = "user_investigate_complaint";
  public static final String SERVICE_RECORD_INVESTIGATION = "service_record_investigation";
  public static final String END_INVESTIGATION_COMPLETED = "end_investigation_completed";

  private InvestigationProcess() {}
}

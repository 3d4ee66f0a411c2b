package io.disputeflow.process;

/** processes/model-deployment-approval.bpmn: a second person approves or refuses a process owner's deployment. */
public final class ModelDeploymentApprovalProcess {
  public static final String KEY = "model-deployment-approval";

  public static final String START_DEPLOYMENT_SUBMITTED = "start_deployment_submitted";
  public static final String USER_APPROVE_MODEL_DEPLOYMENT = "user_approve_model_deployment";
  public static final String SERVICE_APPLY_DEPLOYMENT_DECISION = "service_apply_deployment_decision";
  public static final String END_DEPLOYMENT_DECIDED = "end_deployment_decided";

  private ModelDeploymentApprovalProcess() {}
}

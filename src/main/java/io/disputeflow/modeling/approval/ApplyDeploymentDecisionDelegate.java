package io.disputeflow.modeling.approval;

import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_APPROVED;
import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_DECIDED_BY;
import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_DECISION_REASON;

import io.disputeflow.modeling.approval.PendingDeployments.PendingDeployment;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out the second person's decision on a pending deployment. Approved: deploys its files for
 * real in the submitter's name (so the engine's user operation log and the deployment's owner
 * permissions name them) and records the approver; refused: records the refusal and drops the files,
 * so nothing of it ever reached the engine. Runs in the approver's transaction: if the deployment
 * fails now (a model it needs changed meanwhile), the approval is not completed and says why.
 */
@Component
class ApplyDeploymentDecisionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ApplyDeploymentDecisionDelegate.class);

  private final PendingDeployments pending;
  private final DeploymentSubmissions submissions;
  private final IdentityService identity;

  ApplyDeploymentDecisionDelegate(PendingDeployments pending, DeploymentSubmissions submissions,
      IdentityService identity) {
    this.pending = pending;
    this.submissions = submissions;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the business key, which no task completion can change (variables it can)
    String id = execution.getProcessBusinessKey();
    PendingDeployment submitted = pending.find(id)
        .orElseThrow(() -> new ProcessEngineException("Pending deployment " + id + " does not exist"));
    String decidedBy = DEPLOYMENT_DECIDED_BY.get(execution);
    String reason = DEPLOYMENT_DECISION_REASON.get(execution);
    if (!Boolean.TRUE.equals(DEPLOYMENT_APPROVED.get(execution))) {
      decide(id, "REFUSED", decidedBy, reason, null);
      LOG.info("Deployment '{}' by {} refused by {}: {} (pending deployment {}; nothing deployed)",
          submitted.name(), submitted.submittedBy(), decidedBy, reason, id);
      return;
    }
    String deploymentId = asSubmitter(submitted, () -> DeploymentGate.pass(() -> submissions.builder(
        submitted.name(), submitted.source(), submitted.changedOnly(), pending.files(id)).deploy().getId()));
    decide(id, "APPROVED", decidedBy, reason, deploymentId);
    LOG.info("Deployment '{}' by {} approved by {} and deployed as {} (pending deployment {})", submitted.name(),
        submitted.submittedBy(), decidedBy, deploymentId, id);
  }

  private void decide(String id, String status, String decidedBy, String reason, String deploymentId) {
    if (!pending.decide(id, status, decidedBy, ClockUtil.getCurrentTime().toInstant(), reason, deploymentId)) {
      throw new ProcessEngineException("Pending deployment " + id + " was decided already");
    }
  }

  /**
   * Runs the deployment in the submitter's name, then gives the approver's back. The engine writes no
   * user operation log from a delegate; this deployment is the submitter's operation and is logged.
   */
  private <T> T asSubmitter(PendingDeployment submitted, java.util.function.Supplier<T> work) {
    CommandContext command = Context.getCommandContext();
    boolean logging = command.isUserOperationLogEnabled();
    command.enableUserOperationLog();
    Authentication approver = identity.getCurrentAuthentication();
    List<String> groups = identity.createGroupQuery().groupMember(submitted.submittedBy()).list().stream()
        .map(Group::getId).toList();
    identity.setAuthentication(submitted.submittedBy(), groups);
    try {
      return work.get();
    } finally {
      if (!logging) {
        command.disableUserOperationLog();
      }
      if (approver == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(approver);
      }
    }
  }
}

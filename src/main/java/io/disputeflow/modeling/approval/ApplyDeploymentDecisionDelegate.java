package io.disputeflow.modeling.approval;

import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_APPROVED;
import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_DECIDED_BY;
import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_DECISION_REASON;

import io.disputeflow.engine.EngineClock;
import io.disputeflow.engine.EngineCommands;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.modeling.approval.PendingDeployments.PendingDeployment;
import io.disputeflow.refusal.TaskActionRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Carries out the second person's decision on a pending deployment. Approved: deploys its files for
 * real in the submitter's name (so the engine's user operation log and the deployment's owner
 * permissions name them) and records the approver; refused: records the refusal and drops the files,
 * so nothing of it ever reached the engine. Runs in the approver's transaction: if the deployment
 * cannot be made now (one of its models was deployed again since it was submitted, or the checks
 * refuse it now, e.g. a decision it calls was deleted), the approval is not completed: the task stays
 * open, nothing is deployed, and the approver is told why (409) and that refusing it is the way on.
 */
@Component
class ApplyDeploymentDecisionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ApplyDeploymentDecisionDelegate.class);

  private final PendingDeployments pending;
  private final DeploymentSubmissions submissions;
  private final IdentityService identity;
  private final RepositoryService repository;

  ApplyDeploymentDecisionDelegate(PendingDeployments pending, DeploymentSubmissions submissions,
      IdentityService identity, RepositoryService repository) {
    this.pending = pending;
    this.submissions = submissions;
    this.identity = identity;
    this.repository = repository;
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
    Map<String, byte[]> files = pending.files(id);
    String movedOn = movedOn(submitted, files);
    if (movedOn != null) {
      LOG.warn("Deployment '{}' by {} approved by {} but refused at deployment, nothing deployed (pending deployment"
          + " {}): {}", submitted.name(), submitted.submittedBy(), decidedBy, id, movedOn);
      throw cannotDeployNow(movedOn + ": what you reviewed is not what it would replace");
    }
    String deploymentId;
    try {
      deploymentId = asSubmitter(submitted, () -> DeploymentGate.pass(() -> submissions.builder(
          submitted.name(), submitted.source(), submitted.changedOnly(), files).deploy().getId()));
    } catch (ProcessEngineException refused) {
      LOG.warn("Deployment '{}' by {} approved by {} but refused at deployment, nothing deployed (pending deployment"
          + " {}): {}", submitted.name(), submitted.submittedBy(), decidedBy, id, refused.getMessage());
      throw cannotDeployNow(refused.getMessage());
    }
    decide(id, "APPROVED", decidedBy, reason, deploymentId);
    LOG.info("Deployment '{}' by {} approved by {} and deployed as {} (pending deployment {})", submitted.name(),
        submitted.submittedBy(), decidedBy, deploymentId, id);
  }

  /**
   * The approver reviewed the changes against the versions active at submission: if one of its
   * processes or decisions was deployed again since, approving would silently undo that deployment.
   */
  private String movedOn(PendingDeployment submitted, Map<String, byte[]> files) {
    List<String> moved = new ArrayList<>();
    files.forEach((name, content) -> {
      String xml = new String(content, StandardCharsets.UTF_8);
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        for (String key : ModelDiff.processIds(xml)) {
          ProcessDefinition active = repository.createProcessDefinitionQuery().processDefinitionKey(key)
              .latestVersion().singleResult();
          if (active != null && deployedSince(active.getDeploymentId(), submitted)) {
            moved.add("process '" + key + "' (now version " + active.getVersion() + ")");
          }
        }
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        for (ModelDiff.DecisionTable table : ModelDiff.decisionTables(xml)) {
          DecisionDefinition active = repository.createDecisionDefinitionQuery().decisionDefinitionKey(table.id())
              .latestVersion().singleResult();
          if (active != null && deployedSince(active.getDeploymentId(), submitted)) {
            moved.add("decision '" + table.id() + "' (now version " + active.getVersion() + ")");
          }
        }
      }
    });
    return moved.isEmpty() ? null : "Deployed again since this deployment was submitted: " + String.join(", ", moved);
  }

  private boolean deployedSince(String deploymentId, PendingDeployment submitted) {
    var deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    return deployment != null && deployment.getDeploymentTime().toInstant().isAfter(submitted.submittedAt());
  }

  /** The approval is not completed (the task stays open) and says why and what to do. */
  private static TaskActionRefusedException cannotDeployNow(String why) {
    return new TaskActionRefusedException("This deployment cannot be made now, nothing was deployed: " + why
        + ". Refuse it with this reason; the submitter deploys a corrected version again from Modeler."
        + " / 该部署现在无法生效，未部署任何内容。请以此为由拒绝；提交人修改后可从 Modeler 重新部署。", HttpStatus.CONFLICT);
  }

  private void decide(String id, String status, String decidedBy, String reason, String deploymentId) {
    if (!pending.decide(id, status, decidedBy, EngineClock.now(), reason, deploymentId)) {
      throw new ProcessEngineException("Pending deployment " + id + " was decided already");
    }
  }

  /**
   * Runs the deployment in the submitter's name, then gives the approver's back. The engine writes no
   * user operation log from a delegate; this deployment is the submitter's operation and is logged.
   */
  private <T> T asSubmitter(PendingDeployment submitted, java.util.function.Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(submitted.submittedBy()).list().stream()
        .map(Group::getId).toList();
    return EngineCommands.withUserOperationLog(() -> EngineUser.runAs(identity, submitted.submittedBy(), groups, work));
  }
}

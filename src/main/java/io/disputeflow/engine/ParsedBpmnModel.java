package io.disputeflow.engine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/** A BPMN model being parsed, with the deployment it belongs to, for a {@link BpmnModelCheck}. */
public final class ParsedBpmnModel {

  private final List<String> processKeys;
  private final DeploymentEntity deployment;
  private final CommandContext command;

  ParsedBpmnModel(List<String> processKeys, DeploymentEntity deployment, CommandContext command) {
    this.processKeys = processKeys;
    this.deployment = deployment;
    this.command = command;
  }

  /** The keys of its processes, in the model's order. */
  public List<String> processKeys() {
    return processKeys;
  }

  /** Whether it is being deployed now (not a stored definition parsed again). */
  public boolean isNewDeployment() {
    return deployment != null && deployment.isNew();
  }

  public String deploymentName() {
    return deployment == null ? null : deployment.getName();
  }

  /** The deployment's files by name (empty for a stored definition); a value is null without content. */
  public Map<String, byte[]> deploymentResources() {
    return deployment == null ? Map.of() : new NewDeployment(deployment).resources();
  }

  /** The user in whose name it is deployed, or null: the application's own deployment. */
  public String deployingUserId() {
    return command.getAuthenticatedUserId();
  }

  /** Whether a Camunda Form of this key is deployed already. */
  public boolean isFormDeployed(String key) {
    return command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
  }

  /** Whether a decision of this key is deployed already. */
  public boolean isDecisionDeployed(String key) {
    return command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
  }
}

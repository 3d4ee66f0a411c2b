package io.disputeflow.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.xml.sax.SAXParseException;

/** A deployment being made, as a {@link DeploymentCheck} sees it before anything of it is stored. */
public final class NewDeployment {

  private final DeploymentEntity deployment;

  NewDeployment(DeploymentEntity deployment) {
    this.deployment = deployment;
  }

  public String name() {
    return deployment.getName();
  }

  /** Its files by name, in the deployment's order; a value is null when the engine holds no content. */
  public Map<String, byte[]> resources() {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    if (deployment.getResources() != null) {
      deployment.getResources().values().forEach(resource -> resources.put(resource.getName(), resource.getBytes()));
    }
    return resources;
  }

  /** The user in whose name it is made, or null: the application's own deployment at start. */
  public String deployingUserId() {
    CommandContext command = Context.getCommandContext();
    return command == null ? null : command.getAuthenticatedUserId();
  }

  /** That user's groups, empty when none. */
  public List<String> deployingGroupIds() {
    CommandContext command = Context.getCommandContext();
    return command == null || command.getAuthenticatedGroupIds() == null ? List.of()
        : command.getAuthenticatedGroupIds();
  }

  /** The engine's DMN engine, to parse and evaluate a decision of the deployment before it is stored. */
  public DmnEngine dmnEngine() {
    return Context.getProcessEngineConfiguration().getDmnEngine();
  }

  /** The engine's parse error for a file that is not well-formed XML: the REST API answers 400 with the line. */
  public static ParseException notWellFormed(String message, String resource, SAXParseException cause) {
    return new ParseException(message, resource, List.of(new ProblemImpl(cause)), List.of());
  }
}

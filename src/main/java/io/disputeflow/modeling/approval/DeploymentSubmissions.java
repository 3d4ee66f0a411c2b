package io.disputeflow.modeling.approval;

import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_NAME;
import static io.disputeflow.process.ComplaintVariables.MODEL_CHANGES;
import static io.disputeflow.process.ComplaintVariables.MODEL_CHANGES_PAGE;
import static io.disputeflow.process.ComplaintVariables.PENDING_DEPLOYMENT_ID;
import static io.disputeflow.process.ComplaintVariables.SUBMITTED_BY;

import io.disputeflow.engine.EngineClock;
import io.disputeflow.engine.EngineCommands;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.modeling.approval.PendingDeployments.PendingDeployment;
import io.disputeflow.process.ModelDeploymentApprovalProcess;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process owner's deployment: checked at once by deploying it in a transaction that is rolled
 * back (a model the sandbox refuses is refused now, nothing stored), then kept in our own table and
 * handed to a second person (process model-deployment-approval). It reaches the engine only when
 * approved ({@link ApplyDeploymentDecisionDelegate}).
 */
@Service
class DeploymentSubmissions {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentSubmissions.class);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final EngineCommands commands;
  private final PendingDeployments pending;
  private final ModelChanges changes;
  private final TransactionTemplate checkTransaction;
  private final TransactionTemplate transaction;
  private final String webappPath;

  DeploymentSubmissions(RepositoryService repository, RuntimeService runtime, IdentityService identity,
      EngineCommands commands, PendingDeployments pending, ModelChanges changes,
      PlatformTransactionManager transactions,
      @Value("${server.servlet.context-path:}${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.repository = repository;
    this.runtime = runtime;
    this.identity = identity;
    this.commands = commands;
    this.pending = pending;
    this.changes = changes;
    this.checkTransaction = new TransactionTemplate(transactions);
    this.checkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.transaction = new TransactionTemplate(transactions);
    this.webappPath = webappPath;
  }

  /** Checks and stores the deployment in the current user's name; throws the engine's refusal. */
  PendingDeployment submit(String name, String source, boolean changedOnly, Map<String, byte[]> files) {
    String user = EngineUser.id(identity);
    checkTransaction.executeWithoutResult(status -> {
      status.setRollbackOnly();
      DeploymentGate.pass(() -> builder(name, source, changedOnly, files).deploy());
    });
    PendingDeployment submitted = new PendingDeployment(UUID.randomUUID().toString(), name, source, changedOnly,
        user, EngineClock.now(), "PENDING", null, null, null, null);
    String described = changes.describe(files);
    transaction.executeWithoutResult(status -> {
      pending.insert(submitted, files);
      VariableMap variables = Variables.createVariables();
      PENDING_DEPLOYMENT_ID.put(variables, submitted.id());
      DEPLOYMENT_NAME.put(variables, name);
      SUBMITTED_BY.put(variables, user);
      MODEL_CHANGES.put(variables, described);
      MODEL_CHANGES_PAGE.put(variables, pageLink(submitted.id()));
      // the process owner may not start processes: the approval is ours to start, in their name
      commands.withoutAuthorization(
          () -> runtime.startProcessInstanceByKey(ModelDeploymentApprovalProcess.KEY, submitted.id(), variables));
    });
    LOG.info("Deployment '{}' by {} awaits approval (pending deployment {}, files {})", name, user, submitted.id(),
        files.keySet());
    return submitted;
  }

  /** The task form's link to the diagrams page, opened in the approver's Tasklist session. */
  String pageLink(String id) {
    return "[Open the diagrams and decision tables / 打开流程图和决策表](" + webappPath + "/model-changes/" + id + ")";
  }

  /** The engine's deployment of these files, as Camunda's REST API builds it. */
  DeploymentBuilder builder(String name, String source, boolean changedOnly, Map<String, byte[]> files) {
    DeploymentBuilder builder = repository.createDeployment().name(name).source(source);
    if (changedOnly) {
      builder.enableDuplicateFiltering(true);
    }
    files.forEach((file, content) -> builder.addInputStream(file, new ByteArrayInputStream(content)));
    return builder;
  }
}

package io.disputeflow.modeling;

import io.disputeflow.process.ActingUser;
import io.disputeflow.refusal.InvalidFieldException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Versions of the deployed models with their open instances, and migration of open instances from
 * an older version to the latest (Camunda's migration API; Cockpit in this edition has no migration UI
 * in this edition).
 */
@Service
class ProcessVersions {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProcessVersions.class);

  record Version(int version, String id, String versionTag, String deploymentId, Instant deploymentTime,
      String deploymentName, String deploymentSource, long openInstances) {}

  record Model(String key, String name, int latestVersion, List<Version> versions) {}

  record Instruction(List<String> sourceActivityIds, List<String> targetActivityIds) {}

  record Refusal(String processInstanceId, String businessKey, List<String> reasons) {}

  record Migration(String key, int fromVersion, int toVersion, String sourceDefinitionId, String targetDefinitionId,
      boolean dryRun, List<Instruction> instructions, int openInstances, int migratable, List<Refusal> notMigratable,
      String batchId) {}

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactions;
  private final ActingUser actingUser;

  ProcessVersions(RepositoryService repositoryService, RuntimeService runtimeService, TransactionTemplate transactions,
      ActingUser actingUser) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
    this.actingUser = actingUser;
  }

  List<Model> list() {
    Map<String, Deployment> deployments = new HashMap<>();
    Map<String, List<Version>> byKey = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
        .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list()) {
      Deployment deployment = deployments.computeIfAbsent(definition.getDeploymentId(),
          id -> repositoryService.createDeploymentQuery().deploymentId(id).singleResult());
      names.putIfAbsent(definition.getKey(), definition.getName());
      byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>()).add(new Version(definition.getVersion(),
          definition.getId(), definition.getVersionTag(), definition.getDeploymentId(),
          deployment.getDeploymentTime().toInstant(), deployment.getName(), deployment.getSource(),
          runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count()));
    }
    return byKey.entrySet().stream().map(model -> new Model(model.getKey(), names.get(model.getKey()),
        model.getValue().get(0).version(), model.getValue())).toList();
  }

  Migration migrate(String key, Integer fromVersion, boolean dryRun, Map<String, String> mappings) {
    ProcessDefinition target = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    if (target == null) {
      throw notFound("key", "No model with the process definition key '" + key + "' is deployed");
    }
    if (fromVersion == null) {
      throw new InvalidFieldException("fromVersion", "is required: the version whose open instances move");
    }
    if (fromVersion == target.getVersion()) {
      throw new InvalidFieldException("fromVersion", "is the latest version of " + key + " (" + fromVersion
          + "); there is nothing newer to migrate to");
    }
    ProcessDefinition source = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(fromVersion).singleResult();
    if (source == null) {
      throw notFound("fromVersion", key + " has no version " + fromVersion + " (latest: " + target.getVersion() + ")");
    }
    checkMappings(source, target, mappings);

    MigrationPlan plan = plan(source, target, mappings);
    List<ProcessInstance> open = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
    long started = System.nanoTime();
    List<Refusal> refused = new ArrayList<>();
    List<String> migratable = new ArrayList<>();
    open.forEach(instance -> tryMigration(plan, instance).ifPresentOrElse(refused::add,
        () -> migratable.add(instance.getId())));
    String batchId = null;
    if (!dryRun && !migratable.isEmpty()) {
      batchId = actingUser.call(() -> runtimeService.newMigration(plan).processInstanceIds(migratable).executeAsync())
          .getId();
    }
    LOG.info("Migration of {} v{} to v{}: {} open, {} refused, checked in {} ms, dry run {}, batch {}", key,
        fromVersion, target.getVersion(), open.size(), refused.size(), (System.nanoTime() - started) / 1_000_000,
        dryRun, batchId);
    return new Migration(key, fromVersion, target.getVersion(), source.getId(), target.getId(), dryRun,
        plan.getInstructions().stream().map(i -> new Instruction(List.of(i.getSourceActivityId()),
            List.of(i.getTargetActivityId()))).toList(),
        open.size(), migratable.size(), refused, batchId);
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, Map<String, String> mappings) {
    MigrationInstructionsBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities();
    mappings.forEach(builder::mapActivities);
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      List<Map<String, String>> errors = e.getValidationReport().getInstructionReports().stream()
          .flatMap(report -> report.getFailures().stream().map(failure -> Map.of(
              "field", "mappings." + report.getMigrationInstruction().getSourceActivityId(),
              "message", failure)))
          .toList();
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "No valid migration plan from " + source.getId() + " to " + target.getId() + ": "
              + errors.stream().map(error -> error.get("field") + " " + error.get("message")).toList());
      problem.setTitle("Invalid request");
      problem.setProperty("errors", errors);
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
    }
  }

  /** Every mapping names an activity of the old version and one of the latest. */
  private void checkMappings(ProcessDefinition source, ProcessDefinition target, Map<String, String> mappings) {
    var from = repositoryService.getBpmnModelInstance(source.getId());
    var to = repositoryService.getBpmnModelInstance(target.getId());
    mappings.forEach((oldId, newId) -> {
      if (!(from.getModelElementById(oldId) instanceof FlowElement)) {
        throw new InvalidFieldException("mappings." + oldId, "is no activity of version " + source.getVersion());
      }
      if (!(to.getModelElementById(newId) instanceof FlowElement)) {
        throw new InvalidFieldException("mappings." + oldId, "maps to '" + newId + "', which is no activity of version "
            + target.getVersion());
      }
    });
  }

  /**
   * Migrates the one instance in a transaction that is rolled back: the engine's own instance
   * validation, without changing anything. Empty when the instance can move.
   */
  private java.util.Optional<Refusal> tryMigration(MigrationPlan plan, ProcessInstance instance) {
    return transactions.execute(status -> {
      status.setRollbackOnly();
      try {
        runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
        return java.util.Optional.<Refusal>empty();
      } catch (MigratingProcessInstanceValidationException e) {
        return java.util.Optional.of(new Refusal(instance.getId(), instance.getBusinessKey(), reasons(e)));
      }
    });
  }

  private static List<String> reasons(MigratingProcessInstanceValidationException e) {
    MigratingProcessInstanceValidationReport report = e.getValidationReport();
    return Stream.of(report.getFailures().stream(),
            report.getActivityInstanceReports().stream().flatMap(activity -> activity.getFailures().stream()
                .map(failure -> "activity " + activity.getSourceScopeId() + ": " + failure)),
            report.getTransitionInstanceReports().stream().flatMap(transition -> transition.getFailures().stream()
                .map(failure -> "transition at " + transition.getSourceScopeId() + ": " + failure)))
        .flatMap(s -> s).sorted(Comparator.naturalOrder()).toList();
  }

  private static ErrorResponseException notFound(String field, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle("Not found");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}

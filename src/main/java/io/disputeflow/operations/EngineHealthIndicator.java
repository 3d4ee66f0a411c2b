package io.disputeflow.operations;

import io.disputeflow.process.ComplaintHandlingProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code engine}, part of readiness: the engine answers a query on
 * its own tables and the complaint model is deployed, so a complaint posted to this node can start.
 * (The starter's own {@code processEngine} component is UP as soon as the engine object exists.)
 */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private final RepositoryService repository;

  EngineHealthIndicator(RepositoryService repository) {
    super("The process engine cannot be asked");
    this.repository = repository;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ProcessDefinition complaintHandling = repository.createProcessDefinitionQuery()
        .processDefinitionKey(ComplaintHandlingProcess.KEY).latestVersion().singleResult();
    if (complaintHandling == null) {
      builder.down().withDetail(ComplaintHandlingProcess.KEY, "not deployed");
    } else {
      builder.up().withDetail(ComplaintHandlingProcess.KEY, "version " + complaintHandling.getVersion());
    }
  }
}

package io.disputeflow.engine;

/**
 * A process instance has ended: published as a Spring event in the engine's transaction (listen with
 * {@code @TransactionalEventListener} to act after it committed). {@code superProcessInstanceId} is null
 * for a top-level instance.
 */
public record ProcessInstanceEnded(String processDefinitionKey, String processInstanceId, String businessKey,
    String superProcessInstanceId) {}

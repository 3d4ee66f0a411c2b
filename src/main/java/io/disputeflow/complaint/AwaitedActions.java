package io.disputeflow.complaint;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Reads from the engine which customer messages a case waits for right now. */
@Component
public class AwaitedActions {

  private final RuntimeService runtimeService;

  AwaitedActions(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public List<AwaitedAction> of(String complaintNumber) {
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(complaintNumber)
        .list();
    return instances.stream()
        .flatMap(instance -> runtimeService.createEventSubscriptionQuery()
            .processInstanceId(instance.getId())
            .eventType("message")
            .list()
            .stream())
        .map(subscription -> AwaitedAction.ofMessage(subscription.getEventName()))
        .flatMap(java.util.Optional::stream)
        .distinct()
        .sorted()
        .toList();
  }
}

package io.disputeflow.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Passes on the engine's history events (published to Spring) that features act on, as public types. */
@Component
class HistoryEventRelay {

  private final ApplicationEventPublisher events;

  HistoryEventRelay(ApplicationEventPublisher events) {
    this.events = events;
  }

  @EventListener
  void onProcessHistory(HistoricProcessInstanceEventEntity event) {
    if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
      events.publishEvent(new ProcessInstanceEnded(event.getProcessDefinitionKey(), event.getProcessInstanceId(),
          event.getBusinessKey(), event.getSuperProcessInstanceId()));
    }
  }
}

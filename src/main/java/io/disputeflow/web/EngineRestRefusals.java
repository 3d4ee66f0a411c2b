package io.disputeflow.web;

import io.disputeflow.refusal.RefusedRequests;
import io.disputeflow.refusal.TaskActionRefusedException;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Finds our refusal ({@link TaskActionRefusedException}) in the exception the engine REST API (/engine-rest)
 * is about to translate, where the engine and the REST API have wrapped it (a task listener's refusal
 * becomes "ENGINE-03051 …", then a 500), and leaves it on the request ({@link RefusedRequests}): the task
 * endpoints' filter then answers with the refusal's status and message. The REST API's own answer is
 * otherwise untouched.
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(new Listener());
  }

  static final class Listener implements ApplicationEventListener {

    @Override
    public void onEvent(ApplicationEvent event) {
      // nothing to do when the application starts or stops
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
      return event -> {
        if (event.getType() == RequestEvent.Type.ON_EXCEPTION) {
          TaskActionRefusedException.in(event.getException()).ifPresent(
              refusal -> event.getContainerRequest().setProperty(RefusedRequests.ATTRIBUTE, refusal));
        }
      };
    }
  }
}

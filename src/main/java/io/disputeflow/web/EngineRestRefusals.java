package io.disputeflow.web;

import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import io.disputeflow.refusal.RefusedRequests;
import io.disputeflow.refusal.TaskActionRefusedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Finds our refusal ({@link TaskActionRefusedException}) in the exception an engine command fails with, where
 * the engine has wrapped it (a task listener's refusal becomes "ENGINE-03051 …", which the engine REST API
 * answers with a 500), and leaves it on the web request being served ({@link RefusedRequests}): the task
 * endpoints' filter then answers with the refusal's status and message. The exception itself is untouched.
 */
@Component
class EngineRestRefusals implements EngineSetup {

  @Override
  public void beforeInit(EngineSettings engine) {
    engine.onFailedCommand(
        failure -> TaskActionRefusedException.in(failure).ifPresent(EngineRestRefusals::leaveOnRequest));
  }

  private static void leaveOnRequest(TaskActionRefusedException refusal) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(RefusedRequests.ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
    }
  }
}

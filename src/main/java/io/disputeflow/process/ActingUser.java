package io.disputeflow.process;

import io.disputeflow.engine.EngineCommands;
import io.disputeflow.engine.EngineUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs engine work as the user who called our API, so the engine's history and user operation
 * log name the real person or channel system (the engine logs only operations with an authenticated user).
 *
 * <p>The work runs without engine authorization checks: our API has already allowed the caller's
 * group this action (security/ApiAccessRules), and the engine's authorizations govern direct
 * engine access (Tasklist, Cockpit, /engine-rest). So a channel system needs no engine permission
 * at all, and cannot start or correlate anything through /engine-rest around our API's validation.
 */
@Component
public class ActingUser {

  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final EngineCommands commands;

  ActingUser(IdentityService identityService, RuntimeService runtimeService, EngineCommands commands) {
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.commands = commands;
  }

  public <T> T call(Supplier<T> work) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return work.get();
    }
    String previous = EngineUser.id(identityService);
    identityService.setAuthenticatedUserId(authentication.getName());
    try {
      // engine calls made inside this command share its context, and so its disabled check
      return commands.withoutAuthorization(work);
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthenticatedUserId(previous);
      }
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Correlates a message to the case as the acting user. The engine writes no user operation log
   * entry for a single correlation, so this adds a "CorrelateMessage" entry in the same command:
   * it shares the operation id of the variables the message sets, and names who passed it on.
   */
  public MessageCorrelationResult correlate(String messageName, String businessKey, Map<String, Object> variables) {
    return call(() -> commands.inCommand(() -> {
      MessageCorrelationResult result = runtimeService.createMessageCorrelation(messageName)
          .processInstanceBusinessKey(businessKey)
          .setVariables(variables)
          .correlateWithResult();
      String processInstanceId = result.getExecution() != null
          ? result.getExecution().getProcessInstanceId() : result.getProcessInstance().getId();
      Map<String, String> logged = new LinkedHashMap<>();
      logged.put("messageName", messageName);
      logged.put("variables", String.join(",", new TreeSet<>(variables.keySet())));
      EngineCommands.logProcessInstanceOperation(UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE,
          processInstanceId, logged);
      return result;
    }));
  }
}

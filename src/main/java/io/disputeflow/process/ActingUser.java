package io.disputeflow.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs engine work as the user who called our API, so the engine's history and user operation
 * log name the real person or channel system (DESIGN §8: the log needs an authenticated user).
 *
 * <p>The work runs without engine authorization checks: our API has already allowed the caller's
 * group this action (security/SecurityConfiguration), and the engine's authorizations govern direct
 * engine access (Tasklist, Cockpit, /engine-rest). So a channel system needs no engine permission
 * at all, and cannot start or correlate anything through /engine-rest around our API's validation.
 */
@Component
public class ActingUser {

  private final IdentityService identityService;
  private final CommandExecutor commandExecutor;

  ActingUser(IdentityService identityService, ProcessEngineConfiguration engineConfiguration) {
    this.identityService = identityService;
    this.commandExecutor = ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired();
  }

  public <T> T call(Supplier<T> work) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return work.get();
    }
    String previous = identityService.getCurrentAuthentication() == null
        ? null : identityService.getCurrentAuthentication().getUserId();
    identityService.setAuthenticatedUserId(authentication.getName());
    try {
      // engine calls made inside this command share its context, and so its disabled check
      return commandExecutor.execute(context -> context.runWithoutAuthorization(work::get));
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
}

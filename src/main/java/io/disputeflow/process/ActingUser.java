package io.disputeflow.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs engine work as the user who called our API, so the engine's history and user operation
 * log name the real person or channel system (DESIGN §8: the log needs an authenticated user).
 */
@Component
public class ActingUser {

  private final IdentityService identityService;

  ActingUser(IdentityService identityService) {
    this.identityService = identityService;
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
      return work.get();
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

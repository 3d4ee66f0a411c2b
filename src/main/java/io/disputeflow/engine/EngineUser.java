package io.disputeflow.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who the engine thinks is acting: its current authentication, read and lent without its internal type. */
public final class EngineUser {

  private EngineUser() {}

  /** The engine's current user, or null when none is authenticated (the application itself, a job). */
  public static String id(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /** The current user's groups, empty when there is no user or the engine knows none. */
  public static List<String> groupIds(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
  }

  /** Runs the work as this user with these groups, then gives the previous authentication back, tenants and all. */
  public static <T> T runAs(IdentityService identity, String userId, List<String> groupIds, Supplier<T> work) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(userId, groupIds);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }
}

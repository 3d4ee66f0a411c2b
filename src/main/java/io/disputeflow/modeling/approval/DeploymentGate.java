package io.disputeflow.modeling.approval;

import io.disputeflow.engine.DeploymentCheck;
import io.disputeflow.engine.NewDeployment;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * The engine's own check that a process owner's deployment went through approval, whatever way it
 * came in ({@code /engine-rest/deployment/create} under another path, {@code /redeploy}, the Java
 * API under a user's name): a new deployment made in the name of a user who is not
 * {@code camunda-admin} is refused unless it is the submission check or an approved deployment
 * ({@link #pass}). The application's own start deploys without a user and is not held.
 */
final class DeploymentGate implements DeploymentCheck {

  static final String ADMIN_GROUP = "camunda-admin";
  private static final ThreadLocal<Boolean> PASSING = ThreadLocal.withInitial(() -> false);

  private final Supplier<Boolean> required;

  DeploymentGate(Supplier<Boolean> required) {
    this.required = required;
  }

  /** Runs a deployment that approval allowed: the rolled-back check or the approved deployment. */
  static <T> T pass(Supplier<T> deployment) {
    boolean before = PASSING.get();
    PASSING.set(true);
    try {
      return deployment.get();
    } finally {
      PASSING.set(before);
    }
  }

  @Override
  public void check(NewDeployment deployment) {
    if (PASSING.get() || !required.get()) {
      return;
    }
    String user = deployment.deployingUserId();
    if (user == null || deployment.deployingGroupIds().contains(ADMIN_GROUP)) {
      return;
    }
    throw new AuthorizationException("Deployment refused: a deployment by " + user + " needs a second person's"
        + " approval; deploy from Camunda Modeler (POST /engine-rest/deployment/create), which submits it for"
        + " approval in Tasklist");
  }
}

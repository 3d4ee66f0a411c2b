package io.disputeflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine work in one engine command (one engine transaction, joined when one runs already), and the few
 * things only code inside a command may do: act without the caller's engine authorizations, and write
 * the user operation log.
 */
@Component
public class EngineCommands {

  // looked up on use: delegates the engine builds depend on beans that use this
  private final ObjectProvider<ProcessEngineConfiguration> engine;

  EngineCommands(ObjectProvider<ProcessEngineConfiguration> engine) {
    this.engine = engine;
  }

  /** Runs the work in one engine command (the current one, when there is one). */
  public <T> T inCommand(Supplier<T> work) {
    return executor().execute(context -> work.get());
  }

  /**
   * Runs the work in one engine command without engine authorization checks: our API (or the bank itself,
   * for a job) has allowed the action, and the engine's authorizations govern direct engine access only.
   */
  public <T> T withoutAuthorization(Supplier<T> work) {
    return executor().execute(context -> context.runWithoutAuthorization(work::get));
  }

  /** As {@link #withoutAuthorization(Supplier)}, within the command that runs now (a listener, a delegate). */
  public static <T> T inCurrentCommandWithoutAuthorization(Supplier<T> work) {
    return Context.getCommandContext().runWithoutAuthorization(work::get);
  }

  /** Runs the work with the user operation log on (the engine turns it off in delegates), as it was after. */
  public static <T> T withUserOperationLog(Supplier<T> work) {
    CommandContext command = Context.getCommandContext();
    boolean logging = command.isUserOperationLogEnabled();
    command.enableUserOperationLog();
    try {
      return work.get();
    } finally {
      if (!logging) {
        command.disableUserOperationLog();
      }
    }
  }

  /**
   * Adds a user operation log entry on a process instance, in the command that runs now, with one property
   * per entry of {@code newValues} (in its order): the engine writes none for some operations, e.g. a
   * single message correlation.
   */
  public static void logProcessInstanceOperation(String operationType, String processInstanceId,
      Map<String, String> newValues) {
    CommandContext command = Context.getCommandContext();
    ExecutionEntity instance = command.getExecutionManager().findExecutionById(processInstanceId);
    List<PropertyChange> changes = new ArrayList<>();
    newValues.forEach((property, value) -> changes.add(new PropertyChange(property, null, value)));
    command.getOperationLogManager().logProcessInstanceOperation(operationType, processInstanceId,
        instance.getProcessDefinitionId(), instance.getProcessDefinition().getKey(), changes);
  }

  private CommandExecutor executor() {
    return ((ProcessEngineConfigurationImpl) engine.getObject()).getCommandExecutorTxRequired();
  }
}

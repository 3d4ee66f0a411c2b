package io.disputeflow.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A called stage's copy of the case's variables keeps its history row but writes no history detail.
 *
 * <p>Each call activity passes the whole case in ({@code <camunda:in variables="all"/>}): 15–35
 * variables, each a runtime row, a historic variable instance and a historic detail (and for JSON
 * values a byte array for each). The detail of such a copy says nothing: the value is the one the
 * calling process already recorded, and the timeline ({@code audit/VariableEvents}) shows only
 * changes, so it skipped every one of them. Leaving them out takes a fifth of the rows intake writes.
 * What stays: the historic variable instance of each copy (each instance's final values), and every
 * detail of a value a stage sets or changes, the start variables of a case, form and message values.
 *
 * <p>A copy is recognised by what it is, not by where it comes from: a variable created in a called
 * process instance before it enters its first activity, whose calling execution (or the nearest calling
 * process that has the name) holds the same name with the same value. A mapping that renames or computes a value still writes its detail.
 */
@Component
class CopiedVariableHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(0, new WithoutCopiedDetails());
  }

  /** The engine's database history, minus the details of copied-in variables. */
  static final class WithoutCopiedDetails extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return super.shouldWriteHistoricDetail(event) && !isCopyIntoCalledInstance(event);
    }

    static boolean isCopyIntoCalledInstance(HistoricVariableUpdateEventEntity event) {
      if (!event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) || event.getProcessInstanceId() == null
          || !event.getProcessInstanceId().equals(event.getExecutionId())
          || event.getActivityInstanceId() != null && !event.getProcessInstanceId().equals(event.getActivityInstanceId())) {
        return false;
      }
      var commandContext = Context.getCommandContext();
      if (commandContext == null) {
        return false;
      }
      ExecutionEntity instance = commandContext.getDbEntityManager()
          .getCachedEntity(ExecutionEntity.class, event.getProcessInstanceId());
      if (instance == null || instance.getSuperExecutionId() == null) {
        return false;
      }
      if (!(instance.getVariableInstanceLocal(event.getVariableName()) instanceof VariableInstanceEntity copy)
          || !copy.getId().equals(event.getVariableInstanceId())) {
        return false;
      }
      // the nearest calling process that has the variable: a stage two calls deep is passed the case's value
      DelegateExecution caller = CallingCase.callerWith(instance, event.getVariableName());
      TypedValue original = caller == null ? null : caller.getVariableTyped(event.getVariableName(), false);
      return original != null && TypedValues.same(original, copy.getTypedValue(false));
    }
  }
}

package io.disputeflow.process;

import io.disputeflow.engine.CallingCase;
import io.disputeflow.engine.TypedValues;
import io.disputeflow.engine.VariableWrites;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A stage's variables, the way in and the way back (the delegate variable mapping of every call activity).
 *
 * <p>In: the called stage gets the case's facts ({@link #CASE_FACTS}) and what the forms of its user tasks show
 * and its decisions read ({@link StageForms}), from the case as it is now. Everything else its expressions and
 * delegates read comes from the case that called it ({@link CallingCase}): copying the whole case into every
 * stage ({@code <camunda:in variables="all"/>}, as before) wrote 30 to 60 runtime rows and historic variable
 * instances a stage, each a repeat of a value the case had already recorded. A stage whose form or decision
 * this cannot read is passed the whole case, as before.
 *
 * <p>Back: hands the calling process every variable the called process added or wrote, as
 * {@code <camunda:out variables="all"/>} would, but leaves alone the ones that came back as the stage was
 * passed them. Copying those back rewrote each of them with a history row and a history detail on every
 * return, and put back the value the stage started with over one the case got meanwhile (the clock's
 * state, say, which the case's clock branch changes while a stage runs). A stage that changes a passed value
 * must set it ({@code execution.setVariable}), a JSON value changed in place too: the engine counts each write
 * ({@link VariableWrites}), and a value written is handed back when it differs from the case's.
 */
public class ReturnChangedVariables implements DelegateVariableMapping {

  /**
   * Passed to every stage besides what its forms show: what Tasklist filters and REST clients select a task
   * by as process variables (the "Vulnerable customers" filter, a coordinator's own filter by regime or
   * product), and what the summary-resolution filter reads from a task (regime, receipt).
   */
  static final Set<String> CASE_FACTS = Set.of(ComplaintVariables.COMPLAINT_NUMBER.name(),
      ComplaintVariables.CUSTOMER_NAME.name(), ComplaintVariables.CUSTOMER_VULNERABLE.name(),
      ComplaintVariables.REGIME.name(), ComplaintVariables.PRODUCT.name(), ComplaintVariables.CHANNEL.name(),
      ComplaintVariables.CATEGORY.name(), ComplaintVariables.PRIORITY.name(), ComplaintVariables.RECEIVED_AT.name());

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    Optional<Set<String>> passed = namesPassedBy(superExecution);
    if (passed.isEmpty()) {
      CallingCase.allVariables(superExecution).forEach(subVariables::putValueTyped);
      return;
    }
    for (String name : passed.get()) {
      TypedValue value = CallingCase.ownOrCallers(superExecution, name);
      if (value != null) {
        subVariables.putValueTyped(name, value);
      }
    }
  }

  /** The names whose values the case passes a stage (when it has them); empty when it passes the whole case. */
  private static Optional<Set<String>> namesPassedBy(DelegateExecution superExecution) {
    return withCaseFacts(StageForms.variablesOfStageCalledBy(superExecution));
  }

  private static Optional<Set<String>> withCaseFacts(Optional<Set<String>> shown) {
    return shown.map(names -> {
      Set<String> all = new TreeSet<>(CASE_FACTS);
      all.addAll(names);
      return all;
    });
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    // the names the version of the stage that ran was passed, even when a newer one has been deployed since
    Optional<Set<String>> passed = subInstance instanceof DelegateExecution stage
        ? withCaseFacts(StageForms.variablesOfStageCalledBy(superExecution, stage)) : Optional.empty();
    VariableMap returned = subInstance.getVariablesTyped(false);
    for (String name : returned.keySet()) {
      // the write count is at hand; only a value never written again is looked up in the case
      if (VariableWrites.unwrittenSinceCreated(subInstance, name) && passed.map(names -> names.contains(name))
          .orElse(true) && CallingCase.ownOrCallers(superExecution, name) != null) {
        continue;
      }
      TypedValue value = returned.getValueTyped(name);
      if (!superExecution.hasVariable(name) || !TypedValues.same(superExecution.getVariableTyped(name, false), value)) {
        superExecution.setVariable(name, value);
      }
    }
  }
}

package io.disputeflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the Spring beans a model names when it runs in a bare engine: each records where
 * it was called and may set the variables its real counterpart would. The real beans are tested
 * with the whole application (see the *ApiTests).
 */
public final class RecordingDelegates {

  public static final List<String> BEANS = List.of(
      "classifyComplaintDelegate", "setDeadlinesDelegate", "sendLetterDelegate", "closeComplaintDelegate",
      "recordStageListener", "customerWaitListener", "recordInvestigationDelegate",
      "recordDepartmentReviewListener", "summariseDepartmentReviewsDelegate", "recordLegalOpinionDelegate",
      "recordProposerListener", "fourEyesListener", "issueDecisionLetterDelegate",
      "recordAcceptanceBySilenceDelegate", "issueReverificationDecisionDelegate", "recordRootCauseDelegate");

  private final List<String> calls = new ArrayList<>();

  /** Registers a recording stand-in for every bean; tests then replace the ones they care about. */
  public static RecordingDelegates registerAll() {
    Mocks.reset();
    RecordingDelegates recording = new RecordingDelegates();
    BEANS.forEach(bean -> recording.register(bean, execution -> {}));
    return recording;
  }

  public void register(String bean, Consumer<DelegateExecution> behaviour) {
    Mocks.register(bean, new Recorder(bean, behaviour));
  }

  /** "bean@activityId" for every call, in order. */
  public List<String> calls() {
    return calls;
  }

  private final class Recorder implements JavaDelegate, ExecutionListener, TaskListener {

    private final String bean;
    private final Consumer<DelegateExecution> behaviour;

    Recorder(String bean, Consumer<DelegateExecution> behaviour) {
      this.bean = bean;
      this.behaviour = behaviour;
    }

    @Override
    public void execute(DelegateExecution execution) {
      calls.add(bean + "@" + execution.getCurrentActivityId());
      behaviour.accept(execution);
    }

    @Override
    public void notify(DelegateExecution execution) {
      execute(execution);
    }

    @Override
    public void notify(DelegateTask task) {
      calls.add(bean + "@" + task.getTaskDefinitionKey());
      behaviour.accept(task.getExecution());
    }
  }
}

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
      "recordAcceptanceBySilenceDelegate", "issueReverificationDecisionDelegate", "recordRootCauseDelegate",
      "recordClockAlertDelegate", "extendDecisionDeadlineDelegate", "recordExtensionRefusalDelegate",
      "pauseClockDelegate", "resumeClockDelegate", "startReverificationClockDelegate", "extensionFourEyesListener",
      "registerComplaintDelegate", "applyClockActionDelegate", "deploymentFourEyesListener",
      "applyDeploymentDecisionDelegate", "summaryResolutionListener", "sendSummaryResolutionDelegate",
      "recordWithdrawalDelegate", "withdrawComplaintDelegate", "workOutRedressDelegate", "recordRedressPaymentDelegate",
      "retryRedressPaymentListener", "registerExternalReferralDelegate", "recordCaseFileSentDelegate",
      "recordReferralOutcomeDelegate", "reopenComplaintDelegate");

  private final List<String> calls = new ArrayList<>();

  /** Registers a recording stand-in for every bean; tests then replace the ones they care about. */
  public static RecordingDelegates registerAll() {
    Mocks.reset();
    RecordingDelegates recording = new RecordingDelegates();
    BEANS.forEach(bean -> recording.register(bean, execution -> {}));
    Mocks.register("workingDays", new FixedWorkingDays());
    Mocks.register("contestWindow", new FixedContestWindow());
    // a decision without compensation unless a test grants one
    recording.register("workOutRedressDelegate", execution -> execution.setVariable("redressOwed", false));
    recording.register("startReverificationClockDelegate",
        execution -> execution.setVariable("reverificationDueAt", daysFromNow(30)));
    return recording;
  }

  /** The due-date variables intake sets, as if the complaint arrived now (engine clock). */
  public static java.util.Map<String, Object> deadlines() {
    return new java.util.HashMap<>(java.util.Map.of("decisionDueAt", daysFromNow(15), "decisionWarningAt",
        daysFromNow(12), "reviewDueAt", daysFromNow(5), "legalDueAt", daysFromNow(5)));
  }

  public static java.util.Date daysFromNow(int days) {
    return java.util.Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
        .plus(java.time.Duration.ofDays(days)));
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

  /** Stands in for the contest window: the decision reached the customer at once; it passes contestWithin later. */
  public static final class FixedContestWindow {
    public java.util.Date nextCheckAt(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return java.util.Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
          .plus(java.time.Duration.ofDays(java.time.Period.parse((String) execution.getVariable("contestWithin")).getDays())));
    }

    public boolean hasPassed(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return true;
    }
  }

  /** Stands in for the working-day calendar: every due date it gives is a fixed day ahead. */
  public static final class FixedWorkingDays {
    public java.util.Date fromNow(String isoDays) {
      return java.util.Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
          .plus(java.time.Duration.ofDays(java.time.Period.parse(isoDays).getDays())));
    }
  }
}

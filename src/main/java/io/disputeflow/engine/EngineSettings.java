package io.disputeflow.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What a feature may change of the engine while it is built ({@link EngineSetup}): each method names one
 * thing, so no feature needs the engine's configuration class.
 */
public final class EngineSettings {

  private final ProcessEngineConfigurationImpl configuration;

  EngineSettings(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /**
   * Calls the consumer for every user task of every model as it is parsed, after the engine's own parse
   * listeners (history, metrics): listeners it adds with {@link UserTask#addListener} come after the model's.
   */
  public void onEveryUserTask(Consumer<UserTask> consumer) {
    postParseListeners().add(userTaskListener(consumer));
  }

  /** As {@link #onEveryUserTask}, before the engine's own parse listeners. */
  public void onEveryUserTaskFirst(Consumer<UserTask> consumer) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(userTaskListener(consumer));
  }

  private static BpmnParseListener userTaskListener(Consumer<UserTask> consumer) {
    return new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        consumer.accept(new UserTask(((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()));
      }
    };
  }

  /** Runs the check on every BPMN model the engine parses, once its processes are parsed (see {@link BpmnModelCheck}). */
  public void checkEveryBpmnModel(BpmnModelCheck check) {
    postParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseRootElement(Element definitions, List<ProcessDefinitionEntity> processDefinitions) {
        if (processDefinitions.isEmpty()) {
          return;
        }
        CommandContext command = Context.getCommandContext();
        DeploymentEntity deployment = command.getDeploymentManager()
            .findDeploymentById(processDefinitions.get(0).getDeploymentId());
        check.check(new ModelElement(definitions), new ParsedBpmnModel(
            processDefinitions.stream().map(ProcessDefinitionEntity::getKey).toList(), deployment, command));
      }
    });
  }

  /** Runs the check on every new deployment, after the checks registered before it, before the engine's deployers. */
  public void checkEveryNewDeployment(DeploymentCheck check) {
    preDeployers().add(deployer(check));
  }

  /** As {@link #checkEveryNewDeployment}, ahead of every other check. */
  public void checkEveryNewDeploymentFirst(DeploymentCheck check) {
    preDeployers().add(0, deployer(check));
  }

  private static Deployer deployer(DeploymentCheck check) {
    return deployment -> {
      if (deployment.isNew()) {
        check.check(new NewDeployment(deployment));
      }
    };
  }

  /**
   * Every process and decision keeps its history this many days, whatever its model's
   * {@code historyTimeToLive} says; also the default of a model without one.
   */
  public void historyTimeToLive(int days) {
    configuration.setHistoryTimeToLive(Integer.toString(days));
    postParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.setHistoryTimeToLive(days);
      }
    });
    dmnConfiguration().getTransformer().getTransformListeners().add(new DecisionTimeToLive(days));
  }

  /** The daily window of the history cleanup, in the engine's notation {@code HH:mm+hhmm}. */
  public void historyCleanupWindow(String start, String end) {
    configuration.setHistoryCleanupBatchWindowStartTime(start);
    configuration.setHistoryCleanupBatchWindowEndTime(end);
  }

  /**
   * The observer sees every exception an engine command fails with (after its transaction rolled back), before
   * it reaches the caller; it must not throw.
   */
  public void onFailedCommand(Consumer<RuntimeException> observer) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        try {
          return next.execute(command);
        } catch (RuntimeException failure) {
          observer.accept(failure);
          throw failure;
        }
      }
    });
  }

  /** Expressions in models resolve through this manager only. */
  public void expressionManager(SandboxedExpressionManager expressions) {
    configuration.setExpressionManager(expressions);
  }

  /** No script runs, in BPMN or DMN: every script engine the engine asks for is refused. */
  public void refuseScripts() {
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setEnableFetchScriptEngineFromProcessApplication(false);
  }

  /** A task's candidates and assignee get this permission on that task besides the engine's defaults. */
  public void grantOnEveryTask(Permission permission) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      protected Permission[] getRuntimePermissions(boolean variablePermissionEnforced) {
        return Stream.concat(Arrays.stream(super.getRuntimePermissions(variablePermissionEnforced)),
            Stream.of(permission)).distinct().toArray(Permission[]::new);
      }
    });
  }

  /**
   * The engine's meter of this metric ({@link org.camunda.bpm.engine.management.Metrics}) also adds to the
   * counter, which only grows (the engine empties its meters into its table). Call after init.
   */
  public void alsoCount(String metric, LongAdder counter) {
    Map<String, Meter> meters = configuration.getMetricsRegistry().getDbMeters();
    meters.put(metric, new AlsoCounting(metric, counter));
  }

  DefaultDmnEngineConfiguration dmnConfiguration() {
    if (configuration.getDmnEngineConfiguration() == null) {
      configuration.setDmnEngineConfiguration(
          (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    }
    return configuration.getDmnEngineConfiguration();
  }

  private List<BpmnParseListener> postParseListeners() {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    return configuration.getCustomPostBPMNParseListeners();
  }

  private List<Deployer> preDeployers() {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    return configuration.getCustomPreDeployers();
  }

  /** The engine's meter, which also adds to one of ours. */
  private static final class AlsoCounting extends Meter {

    private final LongAdder ours;

    AlsoCounting(String name, LongAdder ours) {
      super(name);
      this.ours = ours;
    }

    @Override
    public void mark() {
      super.mark();
      ours.increment();
    }

    @Override
    public void markTimes(long times) {
      super.markTimes(times);
      ours.add(times);
    }
  }

  private record DecisionTimeToLive(int days) implements DmnTransformListener {

    @Override
    public void transformDecision(Decision decision, DmnDecision dmnDecision) {
      if (dmnDecision instanceof DecisionDefinitionEntity definition) {
        definition.setHistoryTimeToLive(days);
      }
    }

    @Override
    public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {}

    @Override
    public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {}

    @Override
    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {}

    @Override
    public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {}
  }
}

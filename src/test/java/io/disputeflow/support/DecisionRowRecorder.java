package io.disputeflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Records which rule of which decision table the tests made match, into {@value #FOLDER} (a file per
 * test JVM), for the DMN half of {@code process/EveryModelCoveredCheck}. On every engine of the tests:
 * the application's (a bean) and the process tests' (camunda.cfg.xml).
 */
@Component
public class DecisionRowRecorder extends AbstractProcessEnginePlugin implements DmnDecisionTableEvaluationListener {

  public static final String FOLDER = "target/decision-rows";
  private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    List<DmnDecisionTableEvaluationListener> listeners = dmn.getCustomPostDecisionTableEvaluationListeners() == null
        ? new ArrayList<>() : new ArrayList<>(dmn.getCustomPostDecisionTableEvaluationListeners());
    listeners.add(this);
    dmn.setCustomPostDecisionTableEvaluationListeners(listeners);
    configuration.setDmnEngineConfiguration(dmn);
  }

  @Override
  public void notify(DmnDecisionTableEvaluationEvent event) {
    StringBuilder fresh = new StringBuilder();
    for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
      String row = event.getDecisionTable().getKey() + " " + rule.getId();
      if (RECORDED.add(row)) {
        fresh.append(row).append('\n');
      }
    }
    if (!fresh.isEmpty()) {
      append(fresh.toString());
    }
  }

  private static synchronized void append(String rows) {
    try {
      Path file = Path.of(FOLDER, "rows-" + ProcessHandle.current().pid() + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

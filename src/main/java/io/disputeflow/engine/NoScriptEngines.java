package io.disputeflow.engine;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The engine's script engines, for BPMN and DMN alike: none. A script (Groovy, JavaScript, ...) in
 * a model runs any code with the application's rights; models use delegates instead. A script that
 * reached the database without the deployment check fails here, it never runs.
 */
class NoScriptEngines implements org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver {

  private final ScriptEngineManager none = new ScriptEngineManager(ClassLoader.getPlatformClassLoader());

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory factory) {
    // deliberately ignored: no script engine is ever registered
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return none;
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    throw new ProcessEngineException("Script refused: models run no scripts ('" + language + "'); use a service task"
        + " with one of the application's delegates");
  }
}

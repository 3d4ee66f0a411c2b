/**
 * The adapter to the engine's internals: the only package that may use {@code org.camunda.bpm.engine.impl}
 * (ClockUtil, process engine plugins, parse listeners, deployers, command contexts, history entities).
 * Everything else speaks the engine's public API and the small types here: {@link EngineClock},
 * {@link EngineUser}, {@link EngineCommands}, {@link HistoryRows}, {@link ProcessInstanceEnded},
 * {@link JobExecutorState}, {@link EnginePermissions}, JSON variables without Spin ({@link JsonVariable},
 * {@link JsonVariablePlugin}), and the extension points a feature implements as a
 * bean: {@link EngineSetup} (given {@link EngineSettings}), {@link DeploymentCheck} (given a
 * {@link NewDeployment}) and {@link BpmnModelCheck} (given a {@link ModelElement} and a {@link ParsedBpmnModel}).
 * It sits in the shared core and depends on no other package of ours: where the engine needs a feature's
 * rule, the feature hands it in through one of these interfaces. Moving the engine (Camunda to Operaton)
 * touches this package only.
 */
package io.disputeflow.engine;

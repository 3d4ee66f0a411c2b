/**
 * The shared core: one class per model with its key, element ids and typed variables, JSON variables on our
 * own serializer (JsonVariablePlugin, no Spin), and the engine's configuration. Depends on no other package of ours.
 */
package io.disputeflow.process;

/**
 * The shared core: one class per model with its key, element ids and typed variables, and who acts on the
 * engine ({@link io.disputeflow.process.ActingUser}). Depends on the engine adapter ({@code engine}) and the
 * bank's time ({@code time}) only.
 */
package io.disputeflow.process;

package io.disputeflow.refusal;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;

/**
 * A rule of ours refused what a user asked of a task (four eyes, recusal, an assignee outside the
 * task's groups, values the form does not allow). Thrown in a task listener, it reaches a REST
 * client only wrapped by the engine as a 500; the REST layer finds it in the cause chain ({@link #in})
 * where it translates the engine's exception, and the task endpoints answer with its status and message.
 */
public class TaskActionRefusedException extends ProcessEngineException {

  private final HttpStatus status;

  public TaskActionRefusedException(String message, HttpStatus status) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The refusal this exception is or was caused by (the engine wraps a listener's, the REST API wraps that), if any. */
  public static Optional<TaskActionRefusedException> in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof TaskActionRefusedException refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }
}

package io.disputeflow.refusal;

import jakarta.servlet.ServletRequest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A rule of ours refused what a user asked of a task (four eyes, recusal, an assignee outside the
 * task's groups, values the form does not allow). Thrown in a task listener, it reaches a REST
 * client only wrapped by the engine as a 500; so it leaves itself on the current web request, and
 * the task endpoints answer with its status and message instead.
 */
public class TaskActionRefusedException extends ProcessEngineException {

  private static final String ATTRIBUTE = TaskActionRefusedException.class.getName();

  private final HttpStatus status;

  public TaskActionRefusedException(String message, HttpStatus status) {
    super(message);
    this.status = status;
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, this, RequestAttributes.SCOPE_REQUEST);
    }
  }

  public HttpStatus status() {
    return status;
  }

  /** The refusal raised while serving this request, or null. */
  public static TaskActionRefusedException of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof TaskActionRefusedException refusal ? refusal : null;
  }
}

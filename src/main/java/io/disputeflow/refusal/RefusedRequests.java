package io.disputeflow.refusal;

import jakarta.servlet.ServletRequest;

/**
 * The refusal a request ended with, kept on the request by the layer that translates the engine's exception
 * (web/EngineRestRefusals) for the filter that rewrites the engine REST API's answer (tasklist).
 */
public final class RefusedRequests {

  /** The request attribute that holds it. */
  public static final String ATTRIBUTE = TaskActionRefusedException.class.getName();

  private RefusedRequests() {}

  /** The refusal raised while serving this request, or null. */
  public static TaskActionRefusedException of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof TaskActionRefusedException refusal ? refusal : null;
  }
}

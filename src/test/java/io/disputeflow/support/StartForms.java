package io.disputeflow.support;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The Tasklist start forms as their process tests submit them: by a signed-in user, on the latest version. */
public final class StartForms {

  private StartForms() {}

  /** Submits the start form of the latest version of {@code processKey} as {@code user}, as Tasklist does. */
  public static ProcessInstance submitAs(ProcessEngine engine, String user, String processKey, Map<String, Object> values) {
    var identity = engine.getIdentityService();
    identity.setAuthenticatedUserId(user);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(processKey).latestVersion().singleResult().getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Every instance of {@code processKey} ever started, ended or not: a refused start leaves none. */
  public static long instancesEverStarted(ProcessEngine engine, String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
  }
}

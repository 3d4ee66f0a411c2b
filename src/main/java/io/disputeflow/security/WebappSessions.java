package io.disputeflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/** Who is signed in to Camunda's webapps in a browser session (the login of Tasklist, Cockpit, Admin). */
class WebappSessions {

  private final String engineName;

  WebappSessions(String engineName) {
    this.engineName = engineName;
  }

  /** The user signed in to our engine in the request's session, or null. */
  String signedInUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engineName);
    return authentication == null ? null : authentication.getName();
  }
}

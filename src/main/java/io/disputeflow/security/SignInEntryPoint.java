package io.disputeflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a caller without (valid) credentials gets. A person opening one of our pages is sent to the
 * sign-in page, and comes back after signing in. Clients of the API that are not browsers (channel
 * systems, curl, Modeler) get {@code 401} with an HTTP Basic challenge; a browser never does, as it
 * would answer with its own modal sign-in dialog over the page: it gets the {@code 401} alone.
 */
class SignInEntryPoint implements AuthenticationEntryPoint {

  static final String LOGIN_PAGE = "/login";

  private final ProblemResponses problems;
  private final RequestMatcher api;
  private final RequestMatcher pages;

  SignInEntryPoint(ProblemResponses problems, RequestMatcher api, RequestMatcher pages) {
    this.problems = problems;
    this.api = api;
    this.pages = pages;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean browser = BrowserRequests.fromBrowser(request);
    if (browser && pages.matches(request) && BrowserRequests.isNavigation(request)) {
      response.sendRedirect(LOGIN_PAGE + "?next=" + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8));
      return;
    }
    if (!browser && api.matches(request)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + ProblemResponses.REALM + "\"");
    }
    problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required", browser
        ? "Sign in first (" + LOGIN_PAGE + ", or Tasklist or Cockpit): this browser's session is then used here"
        : "Sign in with HTTP Basic: a DisputeFlow user name and password");
  }

  private static String pathAndQuery(HttpServletRequest request) {
    return request.getQueryString() == null ? request.getRequestURI()
        : request.getRequestURI() + "?" + request.getQueryString();
  }
}

package io.disputeflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for the whole product in a browser: whoever is signed in to Camunda's webapps (Tasklist,
 * Cockpit, Admin, or our sign-in page, which uses the same login) is signed in to our pages and may
 * read our API with that session, with their groups as they are now. Only reads: a change through the
 * API needs HTTP Basic, so no other site's page can make one with the session. A request with its
 * own {@code Authorization} header is left to HTTP Basic.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD");

  private final WebappSessions sessions;
  private final CamundaIdentityAuthenticationProvider identities;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  WebappSessionAuthenticationFilter(WebappSessions sessions, CamundaIdentityAuthenticationProvider identities) {
    this.sessions = sessions;
    this.identities = identities;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !READS.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = sessions.signedInUser(request);
    if (user != null && identities.exists(user) && contexts.getContext().getAuthentication() == null) {
      SecurityContext context = contexts.createEmptyContext();
      context.setAuthentication(identities.withGroups(user));
      contexts.setContext(context);
    }
    chain.doFilter(request, response);
  }
}

package io.disputeflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for stateless HTTP Basic: a browser that has signed in to one of our pages sends
 * the cached credentials with every request to us, also with a form another site submits. Browsers
 * say where a request comes from (Fetch Metadata {@code Sec-Fetch-Site}); a change that another site
 * started is refused. Channel systems send no such header and are not affected.
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> OWN_ORIGIN = Set.of("same-origin", "none");

  private final ProblemResponses problems;

  CrossSiteWriteFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !SAFE_METHODS.contains(request.getMethod()) && !OWN_ORIGIN.contains(site)) {
      problems.write(request, response, HttpStatus.FORBIDDEN, "Cross-site request refused",
          "A change to DisputeFlow cannot come from another site's page (Sec-Fetch-Site: " + site + ")");
      return;
    }
    chain.doFilter(request, response);
  }
}
